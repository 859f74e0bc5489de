import type { ClientBase } from 'pg';
import { submitCopy } from '../pg-copy-submittable';

/** Characters COPY's text format gives a meaning to; each is sent backslash-escaped. */
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as a field of COPY's text format (never NULL here). */
export function copyTextField(value: string): string {
  return value.replace(SPECIAL, (c) => ESCAPED[c]);
}

/**
 * Runs `COPY table (columns) FROM STDIN` (text format) on `client` with `data` — rows of
 * tab-separated fields built with copyTextField, each ending in a newline — sent in one go.
 * COPY inserts many rows per WAL record and page, where INSERT … SELECT writes one record per
 * row. It takes part in the client's open transaction like any statement.
 */
export function copyTextIn(client: ClientBase, sql: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    submitCopy(client, sql, {
      handleCopyInResponse: (connection) => {
        if (data.length > 0) connection.sendCopyFromChunk(Buffer.from(data, 'utf8'));
        connection.endCopyFrom();
      },
      handleError: (error) => reject(error),
      handleReadyForQuery: () => resolve(),
    });
  });
}
