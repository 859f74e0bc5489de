import { GENESIS_HASH, type RangeResult } from './stream-range';

export interface StreamHead {
  version: number;
  lastHash: string;
}

/**
 * Joins the ranges' per-stream first and last events (ranges in position order) and compares
 * each stream's end with its head. `suspect` is false only when every stream is exactly as the
 * store appends it: in position order its versions run 1, 2, 3… and each prev_hash is the
 * previous event's hash (the first one genesis), ending at the head's version and last hash;
 * every head with a version has events and every stream with events has a head. Then
 * verifyStreamLinks would find nothing (its version order is the position order); otherwise it
 * must run to name the issues.
 */
export function joinRangeChains(ranges: readonly RangeResult[], heads: ReadonlyMap<string, StreamHead>): { suspect: boolean; streams: number } {
  let suspect = ranges.some((r) => r.linksSuspect);
  const ends = new Map<string, { version: number; hash: string }>();
  for (const { chains } of ranges) {
    for (let i = 0; i < chains.streamIds.length; i++) {
      const streamId = chains.streamIds[i];
      const end = ends.get(streamId);
      const expected = end ?? { version: 0, hash: GENESIS_HASH };
      if (chains.firstVersions[i] !== expected.version + 1 || chains.firstPrevHashes[i] !== expected.hash) suspect = true;
      if (end) {
        end.version = chains.lastVersions[i];
        end.hash = chains.lastHashes[i];
      } else {
        ends.set(streamId, { version: chains.lastVersions[i], hash: chains.lastHashes[i] });
      }
    }
  }
  for (const [streamId, end] of ends) {
    const head = heads.get(streamId);
    if (!head || head.version !== end.version || head.lastHash !== end.hash) suspect = true;
  }
  for (const [streamId, head] of heads) if (head.version > 0 && !ends.has(streamId)) suspect = true;
  return { suspect, streams: ends.size };
}
