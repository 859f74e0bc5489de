import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** Accepted EVENTSTORE_URL schemes for KurrentDB (the client's own connection-string schemes). */
export const KURRENTDB_URL_SCHEMES = ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:'] as const;

/** By scheme only: a cluster list (`host1:2113,host2:2113`) is not a WHATWG URL. */
export function isKurrentDbUrl(url: string): boolean {
  const scheme = /^([a-z+]+:)\/\/./i.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && (KURRENTDB_URL_SCHEMES as readonly string[]).includes(scheme);
}

/**
 * Opens a client from a connection string, e.g. `kurrentdb://node1:2113,node2:2113,node3:2113?tls=false`
 * or `kurrentdb+discover://cluster.dns:2113`. The client package (native gRPC bridge) is loaded
 * only here, so the PostgreSQL-only engine never loads it.
 */
export async function connectKurrentDb(url: string): Promise<KurrentDBClient> {
  if (!isKurrentDbUrl(url)) throw new TypeError(`Not a KurrentDB connection string: ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  const { KurrentDBClient: Client } = await import('@kurrent/kurrentdb-client');
  return Client.connectionString(url);
}
