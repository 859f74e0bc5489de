import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { findingDecider, findingStream, inspectionDecider, inspectionNotFound, inspectionStream } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { FindingViewEntity, InspectionViewEntity } from '@rectify/read-models';
import { loadAggregate } from '@rectify/workflow';
import {
  toInspectionResponse,
  type InspectionDetailResponse,
  type InspectionFindingSummary,
  type InspectionResponse,
} from '../inspection.response';
import type { ListInspectionsRequest } from './list-inspections.request';

export interface InspectionPage {
  items: InspectionResponse[];
  page: number;
  pageSize: number;
  total: number;
}

export class ListInspectionsQuery extends Query<InspectionPage> {
  constructor(readonly filter: ListInspectionsRequest) {
    super();
  }
}

export class GetInspectionQuery extends Query<InspectionDetailResponse> {
  constructor(
    readonly inspectionId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

/** Inspections from the read model, most recently started first. */
@QueryHandler(ListInspectionsQuery)
export class ListInspectionsHandler implements IQueryHandler<ListInspectionsQuery, InspectionPage> {
  constructor(@InjectRepository(InspectionViewEntity) private readonly inspections: Repository<InspectionViewEntity>) {}

  async execute({ filter }: ListInspectionsQuery): Promise<InspectionPage> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const where = {
      ...(filter.unitId ? { unitId: filter.unitId } : {}),
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [rows, total] = await this.inspections.findAndCount({
      where,
      order: { startedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: rows.map((row) => toInspectionResponse(row.state, row)),
      page,
      pageSize,
      total,
    };
  }
}

/**
 * The inspection with a summary of its findings. Now: both from the read models.
 * `asOf`: the inspection and each of its findings folded from their streams up to that instant.
 */
@QueryHandler(GetInspectionQuery)
export class GetInspectionHandler implements IQueryHandler<GetInspectionQuery, InspectionDetailResponse> {
  constructor(
    @InjectRepository(InspectionViewEntity) private readonly inspections: Repository<InspectionViewEntity>,
    @InjectRepository(FindingViewEntity) private readonly findings: Repository<FindingViewEntity>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ inspectionId, asOf }: GetInspectionQuery): Promise<InspectionDetailResponse> {
    return asOf ? this.asOf(inspectionId, asOf) : this.now(inspectionId);
  }

  private async now(inspectionId: string): Promise<InspectionDetailResponse> {
    const row = await this.inspections.findOneBy({ id: inspectionId });
    if (!row) throw inspectionNotFound(inspectionId);
    const findings = await this.findingRows(inspectionId);
    return {
      ...toInspectionResponse(row.state, row),
      findings: findings.map((f) => ({ id: f.id, title: f.title, status: f.status, severity: f.severity })),
    };
  }

  private async asOf(inspectionId: string, asOf: Date): Promise<InspectionDetailResponse> {
    const { state, version, events } = await loadAggregate(this.store, inspectionDecider, inspectionStream(inspectionId), { asOf });
    if (state.status === 'absent') throw inspectionNotFound(inspectionId);
    const candidates = await this.findingRows(inspectionId, asOf);
    const findings: InspectionFindingSummary[] = [];
    for (const candidate of candidates) {
      const finding = await loadAggregate(this.store, findingDecider, findingStream(candidate.id), { asOf });
      if (finding.state.status === 'absent') continue;
      findings.push({ id: finding.state.id, title: finding.state.title, status: finding.state.status, severity: finding.state.severity });
    }
    return {
      ...toInspectionResponse(state, { version, createdAt: events[0].recordedAt, updatedAt: events[events.length - 1].recordedAt }),
      findings,
    };
  }

  /** The inspection's findings in the read model (recorded by `asOf`, when given), oldest first. */
  private findingRows(inspectionId: string, recordedBy?: Date): Promise<FindingViewEntity[]> {
    const query = this.findings
      .createQueryBuilder('f')
      .where('f.inspection_id = :inspectionId', { inspectionId })
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC');
    if (recordedBy) query.andWhere('f.created_at <= :recordedBy', { recordedBy });
    return query.getMany();
  }
}
