import type { Pool, PoolClient } from 'pg';
import {
  CheckpointedSubscription, withTransaction, type CheckpointedSubscriptionOptions, type EventWakeUp, type RecordedEvent, type SubscriptionStatus,
} from '@rectify/event-store';
import { chainStep, genesisChainBytes } from './global-chain';
import { insertCheckpoint, latestCheckpoint, ledgerHead, lockChain } from './checkpoints';
import type { AuditSigningKey } from './signing-key';

export const AUDIT_CHAIN_SUBSCRIPTION = 'audit:chain';

/** What the witness needs of a checkpointed subscription (PostgreSQL or KurrentDB flavour). */
export interface WitnessSubscription {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  catchUp(): Promise<void>;
  status(): Promise<SubscriptionStatus>;
}

export type WitnessSubscriptionFactory = (options: CheckpointedSubscriptionOptions) => WitnessSubscription;

export interface ChainWitnessOptions {
  pool: Pool;
  key: AuditSigningKey;
  now: () => Date;
  /** A checkpoint at every multiple of this many events. Default 1000. */
  everyEvents?: number;
  /** ...and at least this often while new events arrive. Default 5 minutes. */
  everyMs?: number;
  /**
   * Default: PostgreSQL CheckpointedSubscription on the `events` table. With KurrentDB, a
   * KurrentDbCheckpointedSubscription factory: the witness follows KurrentDB's $all in its log
   * order while the ledger, the signed checkpoints and the subscription checkpoint stay in
   * PostgreSQL and commit together (still exactly once per event).
   */
  subscription?: WitnessSubscriptionFactory;
  wakeUp?: EventWakeUp;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * The witness: a checkpointed subscription that appends every event, in log order, to the
 * audit_chain ledger with the running global chain hash, and signs a checkpoint every N
 * events and every M minutes. Log order (transaction_id, global_position) is used, not
 * global_position alone: below the gap-free horizon it is final, whereas a position can
 * still be filled later by a slow transaction. The ledger rows commit with the
 * subscription's checkpoint, so every event is witnessed exactly once. Following KurrentDB
 * (`subscription` option), log order is KurrentDB's commit order and the ledger's
 * transaction_id column holds its commit position (logPosition.commit), as with PostgreSQL.
 */
export class AuditChainWitness {
  readonly subscription: WitnessSubscription;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChainWitnessOptions) {
    const create: WitnessSubscriptionFactory = options.subscription ?? ((o) => new CheckpointedSubscription(o));
    this.subscription = create({
      name: AUDIT_CHAIN_SUBSCRIPTION,
      pool: options.pool,
      handle: (events, tx) => this.witness(events, tx),
      batchSize: options.batchSize ?? 1000,
      wakeUp: options.wakeUp,
      onError: options.onError && ((error) => options.onError?.(error)),
    });
  }

  async start(): Promise<void> {
    await this.subscription.start();
    const every = this.everyMs();
    this.timer = setInterval(() => void this.checkpointIfDue().catch((error) => this.options.onError?.(error)), Math.min(every, 60_000));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.subscription.stop();
  }

  /** Witnesses every committed event (tests, CLI). */
  catchUp(): Promise<void> {
    return this.subscription.catchUp();
  }

  /** Signs a checkpoint at the ledger head now, if it moved since the last one. */
  async checkpointNow(): Promise<void> {
    await this.inTransaction(async (tx) => {
      await lockChain(tx);
      const head = await ledgerHead(tx);
      const last = await latestCheckpoint(tx);
      if (head && head.seq > (last?.eventCount ?? 0n)) await this.sign(tx, head);
    });
  }

  private async checkpointIfDue(): Promise<void> {
    await this.inTransaction(async (tx) => {
      // Only one engine does the timed checkpoint; the others skip this round.
      const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', ['rectify:audit:chain']);
      if (!rows[0].locked) return;
      const head = await ledgerHead(tx);
      const last = await latestCheckpoint(tx);
      if (!head || head.seq <= (last?.eventCount ?? 0n)) return;
      if (last && this.options.now().getTime() - last.createdAt.getTime() < this.everyMs()) return;
      await this.sign(tx, head);
    });
  }

  private async witness(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    await lockChain(tx);
    const head = await ledgerHead(tx);
    let seq = head?.seq ?? 0n;
    let chain = head ? Buffer.from(head.chainHash, 'hex') : genesisChainBytes();
    const every = BigInt(this.options.everyEvents ?? 1000);
    const rows: string[][] = [[], [], [], [], [], [], [], []];
    const due: Array<{ seq: bigint; event: RecordedEvent; chain: string }> = [];
    for (const event of events) {
      seq += 1n;
      chain = chainStep(chain, event.globalPosition, Buffer.from(event.hash, 'hex'));
      const chainHex = chain.toString('hex');
      const values = [seq.toString(), event.globalPosition.toString(), event.logPosition.commit.toString(), event.id,
        event.streamId, String(event.version), event.hash, chainHex];
      values.forEach((value, index) => rows[index].push(value));
      if (seq % every === 0n) due.push({ seq, event, chain: chainHex });
    }
    await tx.query(
      `INSERT INTO audit_chain (seq, global_position, transaction_id, event_id, stream_id, version, event_hash, chain_hash)
       SELECT s, p, x::xid8, e, st, v, decode(h, 'hex'), decode(c, 'hex')
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[])
           AS t(s, p, x, e, st, v, h, c)`,
      rows,
    );
    for (const point of due) {
      await this.sign(tx, { seq: point.seq, globalPosition: point.event.globalPosition, transactionId: point.event.logPosition.commit, chainHash: point.chain });
    }
    const last = await latestCheckpoint(tx);
    if (seq > (last?.eventCount ?? 0n) && (!last || this.options.now().getTime() - last.createdAt.getTime() >= this.everyMs())) {
      const tail = events[events.length - 1];
      await this.sign(tx, { seq, globalPosition: tail.globalPosition, transactionId: tail.logPosition.commit, chainHash: chain.toString('hex') });
    }
  }

  private sign(tx: PoolClient, head: { seq: bigint; globalPosition: bigint; transactionId: bigint; chainHash: string }): Promise<void> {
    return insertCheckpoint(tx, this.options.key, {
      eventCount: head.seq,
      globalPosition: head.globalPosition,
      transactionId: head.transactionId,
      chainHash: head.chainHash,
      createdAt: new Date(Math.trunc(this.options.now().getTime())),
    });
  }

  private everyMs(): number {
    return this.options.everyMs ?? 5 * 60_000;
  }

  private inTransaction(work: (tx: PoolClient) => Promise<void>): Promise<void> {
    return withTransaction(this.options.pool, work);
  }
}
