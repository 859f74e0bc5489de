import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '@rectify/event-store';

/** Chain hash before the first event: 32 zero bytes (hex), like a stream's first prevHash. */
export const GLOBAL_GENESIS_HASH = GENESIS_HASH;

const GENESIS_BYTES = Buffer.from(GLOBAL_GENESIS_HASH, 'hex');

/**
 * One step of the global chain, in log order (transaction_id, global_position):
 * chain_n = sha256(chain_{n-1} ‖ uint64be(global_position_n) ‖ event_hash_n), all raw bytes.
 * Binding the position makes a swap of two events' positions (a reorder) change the chain;
 * binding the event hash (which covers id, stream, version and content) makes any change,
 * deletion or insertion change it.
 */
export function chainStep(previous: Buffer, globalPosition: bigint, eventHash: Buffer): Buffer {
  const position = Buffer.allocUnsafe(8);
  position.writeBigUInt64BE(globalPosition);
  return createHash('sha256').update(previous).update(position).update(eventHash).digest();
}

export function genesisChainBytes(): Buffer {
  return Buffer.from(GENESIS_BYTES);
}

/** What a checkpoint signs: a fixed, documented text (see docs/audit.md). */
export interface CheckpointClaim {
  /** Events in the chain up to and including this checkpoint. */
  eventCount: bigint;
  /** global_position of the last event included. */
  globalPosition: bigint;
  /** transaction_id of the last event included: with globalPosition, its log position. */
  transactionId: bigint;
  /** Hex chain hash after the last event included. */
  chainHash: string;
  createdAt: Date;
}

export function checkpointMessage(claim: CheckpointClaim): Buffer {
  return Buffer.from(
    [
      'rectify-audit-checkpoint/v1',
      claim.eventCount.toString(),
      claim.transactionId.toString(),
      claim.globalPosition.toString(),
      claim.chainHash,
      claim.createdAt.toISOString(),
    ].join('\n'),
    'utf8',
  );
}
