import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '@rectify/event-store';
import type { AggregateViewDefinition } from './aggregate-view.definition';
import type { Projector } from './projector';
import type { RebuildIndexes } from './rebuild-support';
import { dropViewIndexes, ensureViewIndexes, type ViewIndexStatements } from './view-indexes';
import { viewProjectionName } from './view-barrier';

interface Row<S> {
  id: string;
  version: number;
  state: S;
  createdAt: string;
  updatedAt: string;
}

/**
 * Projects an AggregateViewDefinition. One SELECT (of the aggregates begun before the batch) and one set-based UPSERT per batch;
 * events at or below a row's version are skipped, so replays change nothing. Rows are read
 * without FOR UPDATE: callers hold the projector's checkpoint row lock for the batch, which
 * already serialises every writer of this view. A full rebuild drops the view's secondary
 * indexes (`indexes`, never the primary key the upsert needs) and builds them once at the end.
 */
export class AggregateViewProjector<S> implements Projector, RebuildIndexes {
  readonly name: string;
  readonly tables: readonly string[];
  readonly eventTypes: readonly string[];

  constructor(private readonly view: AggregateViewDefinition<S>, private readonly indexes: ViewIndexStatements = []) {
    this.name = viewProjectionName(view);
    this.tables = [view.table];
    this.eventTypes = view.eventTypes;
  }

  async project(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const byId = this.groupByAggregate(events);
    if (byId.size === 0) return;
    // An aggregate whose first event (version 1) is in the batch has no row to build on: its
    // row is folded from the initial state (if a replay finds one, the upsert keeps the newer).
    const rows = await this.load(tx, [...byId].filter(([, stream]) => !stream.some((e) => e.version === 1)).map(([id]) => id));
    const changed: Row<S>[] = [];
    for (const [id, stream] of byId) {
      const row = this.apply(id, rows.get(id), stream);
      if (row) changed.push(row);
    }
    if (changed.length > 0) await this.save(tx, changed);
  }

  dropIndexesForRebuild(tx: PoolClient): Promise<void> {
    return dropViewIndexes(tx, this.indexes);
  }

  restoreIndexesAfterRebuild(pool: Pool): Promise<void> {
    return ensureViewIndexes(pool, this.view.table, this.indexes);
  }

  private groupByAggregate(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
    const byId = new Map<string, RecordedEvent[]>();
    const types = new Set(this.view.eventTypes);
    for (const event of events) {
      if (!event.streamId.startsWith(this.view.streamPrefix) || !types.has(event.type)) continue;
      const id = event.streamId.slice(this.view.streamPrefix.length);
      const list = byId.get(id) ?? [];
      list.push(event);
      byId.set(id, list);
    }
    return byId;
  }

  private apply(id: string, current: Row<S> | undefined, events: RecordedEvent[]): Row<S> | null {
    const fresh = events.filter((e) => e.version > (current?.version ?? 0)).sort((a, b) => a.version - b.version);
    if (fresh.length === 0) return null;
    const state = fresh.reduce((s, e) => this.view.evolve(s, { type: e.type, data: e.data }), current?.state ?? this.view.initialState());
    const last = fresh[fresh.length - 1];
    return {
      id,
      version: last.version,
      state,
      createdAt: current?.createdAt ?? fresh[0].recordedAt.toISOString(),
      updatedAt: last.recordedAt.toISOString(),
    };
  }

  private async load(tx: PoolClient, ids: string[]): Promise<Map<string, Row<S>>> {
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query<{ id: string; version: number; state: S; created_at: Date; updated_at: Date }>(
      `SELECT id, version, state, created_at, updated_at FROM ${this.view.table} WHERE id = ANY($1::text[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, version: r.version, state: r.state, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() },
      ]),
    );
  }

  private async save(tx: PoolClient, rows: Row<S>[]): Promise<void> {
    const columns = this.view.columns;
    const names = ['id', 'version', 'state', 'created_at', 'updated_at', ...columns.map((c) => c.name)];
    const types = ['text', 'integer', 'jsonb', 'timestamptz', 'timestamptz', ...columns.map((c) => c.sqlType)];
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {
        id: row.id,
        version: row.version,
        state: row.state,
        created_at: row.createdAt,
        updated_at: row.updatedAt,
      };
      for (const column of columns) record[column.name] = column.value(row.state);
      return record;
    });
    const recordType = names.map((n, i) => `${n} ${types[i]}`).join(', ');
    const updates = names.filter((n) => n !== 'id').map((n) => `${n} = EXCLUDED.${n}`).join(', ');
    await tx.query(
      `INSERT INTO ${this.view.table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
       ON CONFLICT (id) DO UPDATE SET ${updates}
       WHERE ${this.view.table}.version < EXCLUDED.version`,
      [JSON.stringify(records)],
    );
  }
}
