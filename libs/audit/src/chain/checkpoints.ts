import type { ClientBase } from 'pg';
import type { Queryable } from '@rectify/event-store';
import { checkpointMessage, type CheckpointClaim } from './global-chain';
import type { AuditSigningKey } from './signing-key';

/** Serialises every writer of the witness ledger and its checkpoints (several engines). */
export const CHAIN_LOCK = 'rectify:audit:chain';

export interface StoredCheckpoint extends CheckpointClaim {
  keyId: string;
  /** Base64 Ed25519 signature over checkpointMessage(claim). */
  signature: string;
}

export interface LedgerHead {
  seq: bigint;
  globalPosition: bigint;
  transactionId: bigint;
  chainHash: string;
}

export async function lockChain(tx: ClientBase): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CHAIN_LOCK]);
}

export async function ledgerHead(db: Queryable): Promise<LedgerHead | null> {
  const { rows } = await db.query<{ seq: string; global_position: string; transaction_id: string; chain_hash: string }>(
    `SELECT seq::text, global_position::text, transaction_id::text, encode(chain_hash, 'hex') AS chain_hash
       FROM audit_chain ORDER BY audit_chain.seq DESC LIMIT 1`,
  );
  const row = rows[0];
  return row
    ? { seq: BigInt(row.seq), globalPosition: BigInt(row.global_position), transactionId: BigInt(row.transaction_id), chainHash: row.chain_hash }
    : null;
}

export async function latestCheckpoint(db: Queryable): Promise<{ eventCount: bigint; createdAt: Date } | null> {
  const { rows } = await db.query<{ event_count: string; created_at: Date }>(
    'SELECT event_count::text, created_at FROM audit_checkpoints ORDER BY audit_checkpoints.event_count DESC LIMIT 1',
  );
  return rows[0] ? { eventCount: BigInt(rows[0].event_count), createdAt: rows[0].created_at } : null;
}

/** Signs and stores a checkpoint; registers the signing key's public half on first use. */
export async function insertCheckpoint(tx: ClientBase, key: AuditSigningKey, claim: CheckpointClaim): Promise<void> {
  await tx.query(
    `INSERT INTO audit_signing_keys (key_id, public_key, first_used_at) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING`,
    [key.keyId, key.publicKeyPem, claim.createdAt],
  );
  const signature = key.sign(checkpointMessage(claim));
  await tx.query(
    `INSERT INTO audit_checkpoints (event_count, global_position, transaction_id, chain_hash, created_at, key_id, signature)
     VALUES ($1, $2, $3::text::xid8, decode($4, 'hex'), $5, $6, $7) ON CONFLICT (event_count) DO NOTHING`,
    [claim.eventCount.toString(), claim.globalPosition.toString(), claim.transactionId.toString(), claim.chainHash,
      claim.createdAt, key.keyId, signature],
  );
}

/** Checkpoints, newest first (paged by event count). */
export async function listCheckpoints(
  db: Queryable,
  options: { before?: bigint; limit?: number } = {},
): Promise<StoredCheckpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
      WHERE $1::bigint IS NULL OR audit_checkpoints.event_count < $1 ORDER BY audit_checkpoints.event_count DESC LIMIT $2`,
    [options.before?.toString() ?? null, options.limit ?? 100],
  );
  return rows.map(toCheckpoint);
}

/** Every checkpoint in chain order (the verifier). */
export async function allCheckpoints(db: Queryable): Promise<StoredCheckpoint[]> {
  const { rows } = await db.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY audit_checkpoints.event_count`);
  return rows.map(toCheckpoint);
}

export async function signingKeys(db: Queryable): Promise<Array<{ keyId: string; publicKey: string; firstUsedAt: Date }>> {
  const { rows } = await db.query<{ key_id: string; public_key: string; first_used_at: Date }>(
    'SELECT key_id, public_key, first_used_at FROM audit_signing_keys ORDER BY first_used_at, key_id',
  );
  return rows.map((r) => ({ keyId: r.key_id, publicKey: r.public_key, firstUsedAt: r.first_used_at }));
}

const CHECKPOINT_COLUMNS = `event_count::text, global_position::text, transaction_id::text,
  encode(chain_hash, 'hex') AS chain_hash, created_at, key_id, encode(signature, 'base64') AS signature`;

interface CheckpointRow {
  event_count: string;
  global_position: string;
  transaction_id: string;
  chain_hash: string;
  created_at: Date;
  key_id: string;
  signature: string;
}

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return {
    eventCount: BigInt(row.event_count),
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    chainHash: row.chain_hash,
    createdAt: row.created_at,
    keyId: row.key_id,
    signature: row.signature.replace(/\s+/g, ''),
  };
}
