import type { Queryable } from '@rectify/event-store';
import { allCheckpoints, signingKeys, type StoredCheckpoint } from '../chain/checkpoints';
import { chainStep, checkpointMessage, genesisChainBytes } from '../chain/global-chain';
import { verifySignature } from '../chain/signing-key';
import type { IssueCollector, VerificationProgress } from './verification.types';

const PAGE = 20000;

interface LedgerRow {
  seq: string;
  global_position: string;
  transaction_id: string;
  event_hash: Buffer;
  chain_hash: Buffer;
}

export interface LedgerPassOptions {
  /** Public keys (PEM) the caller trusts, by key id; default: the keys stored in the database. */
  trustedKeys?: ReadonlyMap<string, string>;
  onProgress?: (progress: VerificationProgress) => void;
}

/**
 * Recomputes the global chain over the witness ledger in seq order (1, 2, 3…, log order
 * strictly rising), compares it with each row's stored chain hash and with every signed
 * checkpoint, and checks each checkpoint's Ed25519 signature.
 */
export async function verifyLedger(
  db: Queryable,
  issues: IssueCollector,
  options: LedgerPassOptions = {},
): Promise<{ witnessed: number; checkpoints: StoredCheckpoint[] }> {
  const checkpoints = await allCheckpoints(db);
  const keys = options.trustedKeys ?? new Map((await signingKeys(db)).map((k) => [k.keyId, k.publicKey]));
  const bySeq = new Map(checkpoints.map((c) => [c.eventCount, c]));
  let chain = genesisChainBytes();
  let expectedSeq = 1n;
  let previousKey: [bigint, bigint] = [-1n, -1n];
  let ledgerBroken = false;
  for (;;) {
    const { rows } = await db.query<LedgerRow>(
      `SELECT seq::text, global_position::text, transaction_id::text, event_hash, chain_hash
         FROM audit_chain WHERE audit_chain.seq >= $1 ORDER BY audit_chain.seq LIMIT ${PAGE}`,
      [expectedSeq.toString()],
    );
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const position = BigInt(row.global_position);
      const xid = BigInt(row.transaction_id);
      if (!ledgerBroken && seq !== expectedSeq) {
        ledgerBroken = true;
        issues.add({ kind: 'ledger-altered', position: row.global_position, detail: `witness ledger skips from entry ${expectedSeq - 1n} to ${seq}` });
      }
      if (!ledgerBroken && (xid < previousKey[0] || (xid === previousKey[0] && position <= previousKey[1]))) {
        ledgerBroken = true;
        issues.add({ kind: 'ledger-altered', position: row.global_position, detail: `witness ledger entry ${seq} is out of log order` });
      }
      chain = chainStep(chain, position, row.event_hash);
      if (!ledgerBroken && !chain.equals(row.chain_hash)) {
        ledgerBroken = true;
        issues.add({ kind: 'ledger-altered', position: row.global_position, detail: `witness ledger entry ${seq}: chain hash does not recompute` });
      }
      const checkpoint = bySeq.get(seq);
      if (checkpoint) checkCheckpoint(checkpoint, { position, xid, chain: chain.toString('hex') }, keys, issues);
      previousKey = [xid, position];
      expectedSeq = seq + 1n;
    }
    options.onProgress?.({ phase: 'ledger', done: Number(expectedSeq - 1n), total: Number(checkpoints.at(-1)?.eventCount ?? 0n) });
    if (rows.length < PAGE) break;
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
