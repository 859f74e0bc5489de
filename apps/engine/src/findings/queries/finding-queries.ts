import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError, findingDecider, findingStream, type RemediationState } from '@rectify/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@rectify/event-store';
import { FindingViewEntity } from '@rectify/read-models';
import { loadAggregate } from '@rectify/workflow';
import { toFindingResponse, type FindingResponse } from '../finding.response';
import { loadFindingWorkflow, workflowFields, type FindingWorkflowFields } from '../finding-workflow';
import type { ListFindingsRequest } from './list-findings.request';

export interface FindingPage {
  items: FindingResponse[];
  page: number;
  pageSize: number;
  total: number;
}

export class ListFindingsQuery extends Query<FindingPage> {
  constructor(readonly filter: ListFindingsRequest) {
    super();
  }
}

export class GetFindingQuery extends Query<FindingResponse> {
  constructor(
    readonly findingId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export class GetFindingEventsQuery extends Query<RecordedEvent[]> {
  constructor(
    readonly findingId: string,
    readonly until?: Date,
  ) {
    super();
  }
}

const notFound = (id: string) => new NotFoundError('FINDING.NOT_FOUND', `No finding with id ${id}`, { findingId: id });

/** Lists from the read model, newest first. */
@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler implements IQueryHandler<ListFindingsQuery, FindingPage> {
  constructor(@InjectRepository(FindingViewEntity) private readonly findings: Repository<FindingViewEntity>) {}

  async execute({ filter }: ListFindingsQuery): Promise<FindingPage> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const where = {
      ...(filter.unitId ? { unitId: filter.unitId } : {}),
      ...(filter.inspectionId ? { inspectionId: filter.inspectionId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.severity ? { severity: filter.severity } : {}),
    };
    const [rows, total] = await this.findings.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const workflows = await workflowRows(this.findings, rows.map((r) => r.id));
    return { items: rows.map((row) => fromRow(row, workflows.get(row.id))), page, pageSize, total };
  }
}

/** The read model answers "now"; `asOf` folds the stream's events recorded up to that instant. */
@QueryHandler(GetFindingQuery)
export class GetFindingHandler implements IQueryHandler<GetFindingQuery, FindingResponse> {
  constructor(
    @InjectRepository(FindingViewEntity) private readonly findings: Repository<FindingViewEntity>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ findingId, asOf }: GetFindingQuery): Promise<FindingResponse> {
    if (!asOf) {
      const row = await this.findings.findOneBy({ id: findingId });
      if (!row) throw notFound(findingId);
      return fromRow(row, workflowFields(await loadFindingWorkflow(this.store, findingId)));
    }
    const { state, version, events } = await loadAggregate(this.store, findingDecider, findingStream(findingId), { asOf });
    if (state.status === 'absent') throw notFound(findingId);
    return toFindingResponse(
      state,
      { version, createdAt: events[0].recordedAt, updatedAt: events[events.length - 1].recordedAt },
      workflowFields(await loadFindingWorkflow(this.store, findingId, asOf)),
    );
  }
}

/** The stored events with their metadata: who, in which role, when and why. */
@QueryHandler(GetFindingEventsQuery)
export class GetFindingEventsHandler implements IQueryHandler<GetFindingEventsQuery, RecordedEvent[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ findingId, until }: GetFindingEventsQuery): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(findingStream(findingId), until ? { asOf: until } : undefined);
    if (events.length === 0 && (await this.store.streamVersion(findingStream(findingId))) === 0) throw notFound(findingId);
    return events;
  }
}

function fromRow(row: FindingViewEntity, workflow?: FindingWorkflowFields): FindingResponse {
  return toFindingResponse(row.state, { version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt }, workflow);
}

/** Workflow fields of a page of findings, from the rm_finding_workflow read model. */
async function workflowRows(findings: Repository<FindingViewEntity>, ids: string[]): Promise<Map<string, FindingWorkflowFields>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; state: RemediationState }[] = await findings.manager.query(
    'SELECT id, state FROM rm_finding_workflow WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, workflowFields(r.state)]));
}
