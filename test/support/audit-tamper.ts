import { checkpointMessage as message } from '@rectify/audit';
import { computeEventHash, type HashableEvent } from '@rectify/event-store';

/** The checkpoint text an outside party verifies, rebuilt from the JSON of GET /audit/checkpoints. */
export function checkpointMessage(c: { eventCount: string; position: string; transactionId: string; chainHash: string; createdAt: string }): Buffer {
  return message({
    eventCount: BigInt(c.eventCount),
    globalPosition: BigInt(c.position),
    transactionId: BigInt(c.transactionId),
    chainHash: c.chainHash,
    createdAt: new Date(c.createdAt),
  });
}

/** What a forger with the code would compute for an event (used to forge a "valid" one). */
export function computeEventHashForTest(event: HashableEvent): string {
  return computeEventHash(event);
}
