import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { unitDecider, unitNotFound, unitStream } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { loadAggregate } from '@rectify/workflow';
import { UnitViewEntity } from '@rectify/read-models';
import { toUnitResponse, type UnitResponse } from '../../unit.response';
import type { Page } from '../page';
import type { ListUnitsRequest } from './list-units.request';

export class ListUnitsQuery extends Query<Page<UnitResponse>> {
  constructor(readonly filter: ListUnitsRequest) {
    super();
  }
}

export class GetUnitQuery extends Query<UnitResponse> {
  constructor(
    readonly unitId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

/** Units from the read model, in registration order (name order would depend on the database collation). */
@QueryHandler(ListUnitsQuery)
export class ListUnitsHandler implements IQueryHandler<ListUnitsQuery, Page<UnitResponse>> {
  constructor(@InjectRepository(UnitViewEntity) private readonly units: Repository<UnitViewEntity>) {}

  async execute({ filter }: ListUnitsQuery): Promise<Page<UnitResponse>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const where = {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.parentUnitId ? { parentUnitId: filter.parentUnitId } : {}),
    };
    const [rows, total] = await this.units.findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(fromUnitRow), page, pageSize, total };
  }
}

@QueryHandler(GetUnitQuery)
export class GetUnitHandler implements IQueryHandler<GetUnitQuery, UnitResponse> {
  constructor(
    @InjectRepository(UnitViewEntity) private readonly units: Repository<UnitViewEntity>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The read model answers "now"; `asOf` folds the stream's events recorded up to that instant. */
  async execute({ unitId, asOf }: GetUnitQuery): Promise<UnitResponse> {
    if (asOf) {
      const { state, version, events } = await loadAggregate(this.store, unitDecider, unitStream(unitId), { asOf });
      if (state.status === 'absent') throw unitNotFound(unitId);
      const meta = { version, createdAt: events[0].recordedAt, updatedAt: events[events.length - 1].recordedAt };
      return toUnitResponse(state as Parameters<typeof toUnitResponse>[0], meta);
    }
    const row = await this.units.findOneBy({ id: unitId });
    if (!row) throw unitNotFound(unitId);
    return fromUnitRow(row);
  }
}

function fromUnitRow(row: UnitViewEntity): UnitResponse {
  return toUnitResponse(row.state, { version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt });
}
