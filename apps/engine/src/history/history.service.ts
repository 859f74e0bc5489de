import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { readHistory, recordAccess, type History, type SubjectType } from '@rectify/audit';
import { officialNotFound, officialStream, unitNotFound, unitStream, type Actor } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../database';
import { HISTORY_DEFAULT_PAGE, type HistoryRequest } from './history.requests';

export type HistoryFormat = 'json' | 'csv' | 'pdf';

export interface SubjectHistory extends History {
  subjectName: string;
  exportedAt: Date;
  filter: { from: string | null; to: string | null; kind: string | null };
}

/**
 * Histories of officials and units for hearings. Every read and export is itself recorded in
 * the append-only access log (who, what, when) before the answer leaves; never in a domain stream.
 */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async history(type: SubjectType, id: string, request: HistoryRequest, actor: Actor, access: { format: HistoryFormat; path: string }): Promise<SubjectHistory> {
    const subjectName = await this.subjectName(type, id);
    const filter = {
      from: request.from ? new Date(request.from) : undefined,
      to: request.to ? new Date(request.to) : undefined,
      kind: request.kind,
    };
    // JSON pages by default; an export is the whole history unless the caller pages it.
    const limit = request.limit ?? (access.format === 'json' ? HISTORY_DEFAULT_PAGE : undefined);
    const history = await readHistory(this.pool, { type, id }, filter, { limit, after: request.cursor });
    const exportedAt = this.clock.now();
    await recordAccess(this.pool, {
      at: exportedAt,
      action: access.format === 'json' ? 'history.read' : 'history.export',
      actorId: actor.id,
      actorRole: actor.role,
      method: 'GET',
      path: access.path,
      status: 200,
      subjectType: type,
      subjectId: id,
      detail: { format: access.format, entries: history.entries.length, cursor: request.cursor ?? null, from: request.from ?? null, to: request.to ?? null, kind: request.kind ?? null },
    });
    return {
      ...history,
      subjectName,
      exportedAt,
      filter: { from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null, kind: request.kind ?? null },
    };
  }

  /** The official's full name or the unit's name from its first event; 404 when the stream does not exist. */
  private async subjectName(type: SubjectType, id: string): Promise<string> {
    const [first] = await this.store.readStream(type === 'official' ? officialStream(id) : unitStream(id), { toVersion: 1 });
    if (!first) throw type === 'official' ? officialNotFound(id) : unitNotFound(id);
    const data = first.data as { fullName?: string; name?: string };
    return data.fullName ?? data.name ?? id;
  }
}
