import type { NewEvent } from '@rectify/event-store';

/** One store under test. Each gets its own database on the run's one PostgreSQL server. */
export interface AppendContender {
  readonly name: string;
  /** What it does per append, for the table's notes. */
  readonly describe: string;
  /** Creates its schema once per run (databaseUrl: its own fresh database). */
  install(databaseUrl: string): Promise<void>;
  /** Opens connections for `writers` concurrent writers. */
  open(writers: number): Promise<void>;
  /** Appends `events` to the new stream `streamId` (expected: no stream); resolves once committed. */
  append(streamId: string, events: readonly NewEvent[]): Promise<void>;
  close(): Promise<void>;
}
