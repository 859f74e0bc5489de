import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { officialDecider, officialNotFound, officialStream } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { loadAggregate } from '@rectify/workflow';
import { OfficialViewEntity } from '@rectify/read-models';
import { toOfficialResponse, type OfficialResponse } from '../../official.response';
import type { Page } from '../page';
import type { ListOfficialsRequest } from './list-officials.request';

export class ListOfficialsQuery extends Query<Page<OfficialResponse>> {
  constructor(readonly filter: ListOfficialsRequest) {
    super();
  }
}

export class GetOfficialQuery extends Query<OfficialResponse> {
  constructor(
    readonly officialId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

/** Officials from the read model in registration order, optionally of one unit. */
@QueryHandler(ListOfficialsQuery)
export class ListOfficialsHandler implements IQueryHandler<ListOfficialsQuery, Page<OfficialResponse>> {
  constructor(@InjectRepository(OfficialViewEntity) private readonly officials: Repository<OfficialViewEntity>) {}

  async execute({ filter }: ListOfficialsQuery): Promise<Page<OfficialResponse>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const [rows, total] = await this.officials.findAndCount({
      where: filter.unitId ? { unitId: filter.unitId } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(fromOfficialRow), page, pageSize, total };
  }
}

@QueryHandler(GetOfficialQuery)
export class GetOfficialHandler implements IQueryHandler<GetOfficialQuery, OfficialResponse> {
  constructor(
    @InjectRepository(OfficialViewEntity) private readonly officials: Repository<OfficialViewEntity>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The read model answers "now"; `asOf` folds the stream's events recorded up to that instant. */
  async execute({ officialId, asOf }: GetOfficialQuery): Promise<OfficialResponse> {
    if (asOf) {
      const { state, version, events } = await loadAggregate(this.store, officialDecider, officialStream(officialId), { asOf });
      if (state.status === 'absent') throw officialNotFound(officialId);
      const meta = { version, createdAt: events[0].recordedAt, updatedAt: events[events.length - 1].recordedAt };
      return toOfficialResponse(state as Parameters<typeof toOfficialResponse>[0], meta);
    }
    const row = await this.officials.findOneBy({ id: officialId });
    if (!row) throw officialNotFound(officialId);
    return fromOfficialRow(row);
  }
}

function fromOfficialRow(row: OfficialViewEntity): OfficialResponse {
  return toOfficialResponse(row.state, { version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt });
}
