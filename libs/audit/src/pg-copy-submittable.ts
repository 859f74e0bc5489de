import type { ClientBase } from 'pg';

/** The protocol callbacks pg calls on a submitted query object (a "submittable"). */
export interface CopyHandlers {
  handleCopyData(message: { chunk: Buffer }): void;
  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void;
  /** An error ends the query without a ReadyForQuery for it. */
  handleError(error: Error): void;
  handleReadyForQuery(): void;
}

/**
 * Submits `sql` (a COPY statement) on `client` as a raw submittable: pg hands it the protocol
 * messages, so COPY data streams without pg-copy-streams. Callbacks not given are no-ops.
 */
export function submitCopy(client: ClientBase, sql: string, handlers: Partial<CopyHandlers> & Pick<CopyHandlers, 'handleError' | 'handleReadyForQuery'>): void {
  const ignore = () => undefined;
  const submittable = {
    submit: (connection: { query(text: string): void }) => connection.query(sql),
    handleCommandComplete: ignore,
    handleRowDescription: ignore,
    handleDataRow: ignore,
    handleEmptyQuery: ignore,
    handlePortalSuspended: ignore,
    handleCopyData: ignore,
    handleCopyInResponse: ignore,
    ...handlers,
  };
  (client as unknown as { query(submittable: object): void }).query(submittable);
}
