import { hash } from 'node:crypto';
import type { Queryable } from '@rectify/event-store';
import { allCheckpoints, signingKeys, type StoredCheckpoint } from '../chain/checkpoints';
import { checkpointMessage, genesisChainBytes } from '../chain/global-chain';
import { verifySignature } from '../chain/signing-key';
import type { IssueCollector, VerificationProgress } from './verification.types';

const PAGE = 20_000;
/**
 * One ledger entry as packed by PAGE_SQL, big-endian: seq (8 bytes), transaction id (8),
 * global position (8), event hash (32), chain hash (32). Position and event hash are adjacent:
 * exactly what a chain step hashes after the previous chain hash.
 */
const ENTRY = 88;
const PAGE_SQL = `SELECT count(*)::int AS n,
    string_agg(int8send(seq) || xid8send(transaction_id) || int8send(global_position) || event_hash || chain_hash, ''::bytea ORDER BY seq) AS packed
  FROM (SELECT * FROM audit_chain WHERE audit_chain.seq >= $1 ORDER BY audit_chain.seq LIMIT ${PAGE}) page`;

export interface LedgerPassOptions {
  /** Public keys (PEM) the caller trusts, by key id; default: the keys stored in the database. */
  trustedKeys?: ReadonlyMap<string, string>;
  onProgress?: (progress: VerificationProgress) => void;
}

/**
 * Recomputes the global chain over the witness ledger in seq order (1, 2, 3…, log order
 * strictly rising), compares it with each row's stored chain hash and with every signed
 * checkpoint, and checks each checkpoint's Ed25519 signature. Reads a page of entries as one
 * packed bytea (no per-row objects) and steps the chain with one-shot hashes
 * (chainStep's formula: sha256(chain ‖ uint64be(position) ‖ event hash)).
 */
export async function verifyLedger(
  db: Queryable,
  issues: IssueCollector,
  options: LedgerPassOptions = {},
): Promise<{ witnessed: number; checkpoints: StoredCheckpoint[] }> {
  const checkpoints = await allCheckpoints(db);
  const keys = options.trustedKeys ?? new Map((await signingKeys(db)).map((k) => [k.keyId, k.publicKey]));
  const bySeq = new Map(checkpoints.map((c) => [c.eventCount, c]));
  // The running chain hash lives in step[0..32]; a chain step hashes step = chain ‖ position ‖
  // event hash and writes the result back. Hashes come back as latin1 strings: a one-shot hash
  // returning a Buffer costs about twice as much.
  const step = Buffer.alloc(72);
  genesisChainBytes().copy(step, 0);
  let expectedSeq = 1n;
  let previousKey: Buffer | null = null;
  let ledgerBroken = false;
  const broken = (packed: Buffer, at: number, detail: string) => {
    ledgerBroken = true;
    issues.add({ kind: 'ledger-altered', position: packed.readBigUInt64BE(at + 16).toString(), detail });
  };
  for (;;) {
    const { rows } = await db.query<{ n: number; packed: Buffer | null }>(PAGE_SQL, [expectedSeq.toString()]);
    const { n, packed } = rows[0];
    for (let at = 0; packed && at < n * ENTRY; at += ENTRY) {
      const seq = packed.readBigUInt64BE(at);
      if (!ledgerBroken && seq !== expectedSeq) broken(packed, at, `witness ledger skips from entry ${expectedSeq - 1n} to ${seq}`);
      // Log order (transaction id, position) must rise strictly: 16 bytes compared as one big-endian key.
      if (!ledgerBroken && previousKey && packed.compare(previousKey, 0, 16, at + 8, at + 24) <= 0) broken(packed, at, `witness ledger entry ${seq} is out of log order`);
      packed.copy(step, 32, at + 16, at + 56);
      step.write(hash('sha256', step, 'binary'), 0, 'latin1');
      if (!ledgerBroken && step.compare(packed, at + 56, at + 88, 0, 32) !== 0) broken(packed, at, `witness ledger entry ${seq}: chain hash does not recompute`);
      const checkpoint = bySeq.get(seq);
      if (checkpoint) {
        checkCheckpoint(checkpoint, { position: packed.readBigUInt64BE(at + 16), xid: packed.readBigUInt64BE(at + 8), chain: step.toString('hex', 0, 32) }, keys, issues);
      }
      previousKey = packed.subarray(at + 8, at + 24);
      expectedSeq = seq + 1n;
    }
    options.onProgress?.({ phase: 'ledger', done: Number(expectedSeq - 1n), total: Number(checkpoints.at(-1)?.eventCount ?? 0n) });
    if (n < PAGE) break;
  }
  for (const checkpoint of checkpoints) {
    if (checkpoint.eventCount >= expectedSeq) {
      issues.add({ kind: 'checkpoint-mismatch', position: checkpoint.globalPosition.toString(),
        detail: `checkpoint of ${checkpoint.eventCount} events lies beyond the witness ledger's ${expectedSeq - 1n} entries (ledger truncated)` });
    }
  }
  return { witnessed: Number(expectedSeq - 1n), checkpoints };
}

function checkCheckpoint(
  checkpoint: StoredCheckpoint,
  recomputed: { position: bigint; xid: bigint; chain: string },
  keys: ReadonlyMap<string, string>,
  issues: IssueCollector,
): void {
  const position = checkpoint.globalPosition.toString();
  if (checkpoint.chainHash !== recomputed.chain || checkpoint.globalPosition !== recomputed.position || checkpoint.transactionId !== recomputed.xid) {
    issues.add({ kind: 'checkpoint-mismatch', position,
      detail: `signed checkpoint of ${checkpoint.eventCount} events (chain ${checkpoint.chainHash}) ≠ recomputed chain ${recomputed.chain} at position ${recomputed.position}` });
  }
  const key = keys.get(checkpoint.keyId);
  const valid = key !== undefined && verifySignature(key, checkpointMessage(checkpoint), Buffer.from(checkpoint.signature, 'base64'));
  if (!valid) {
    issues.add({ kind: 'signature-invalid', position,
      detail: key ? `signature of checkpoint ${checkpoint.eventCount} does not verify with key ${checkpoint.keyId}` : `checkpoint ${checkpoint.eventCount} names unknown key ${checkpoint.keyId}` });
  }
}
