import type { LogPosition, RecordedEvent } from '@rectify/event-store';
import type { Projector } from './projector';
import { ReplayPipeline, type ReplayBatch, type ReplayPipelineOptions } from './replay-pipeline';

/** A log of `size` events, read `batchSize` at a time; positions are the event numbers. */
const position = (n: number): LogPosition => ({ commit: BigInt(n), prepare: 0n });
const numberOf = (p: LogPosition) => Number(p.commit);
const log = (size: number, batchSize: number) => async (after: LogPosition): Promise<RecordedEvent[]> => {
  const start = numberOf(after);
  // Every event is a 'Tick' except numbers 25 and 71.
  return Array.from({ length: Math.max(0, Math.min(batchSize, size - start)) }, (_, i) => ({
    logPosition: position(start + i + 1), type: [25, 71].includes(start + i + 1) ? 'Rare' : 'Tick',
  }) as RecordedEvent);
};
const projector = (name: string, eventTypes: string[] = []): Projector => ({ name, tables: [], eventTypes, project: async () => undefined });
const tick = () => new Promise((resolve) => setImmediate(resolve));

function pipeline(overrides: Partial<ReplayPipelineOptions> & Pick<ReplayPipelineOptions, 'apply'>): ReplayPipeline {
  return new ReplayPipeline({ projectors: [projector('a'), projector('b'), projector('c')], start: position(0), read: log(100, 10), connections: 2, window: 2, ...overrides });
}

describe('ReplayPipeline', () => {
  it('gives every projector every batch once, in log order, with at most `connections` applied at once', async () => {
    const seen = new Map<string, number[]>();
    let running = 0;
    let most = 0;
    const outcome = await pipeline({
      apply: async (p, batch) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        seen.set(p.name, [...(seen.get(p.name) ?? []), ...batch.events.map((e) => numberOf(e.logPosition))]);
        running -= 1;
        return true;
      },
    }).run();
    expect(outcome).toBe('done');
    const all = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(Object.fromEntries(seen)).toEqual({ a: all, b: all, c: all });
    expect(most).toBe(2);
  });

  it('keeps the fastest projector within `window` batches of the slowest, and hands the slowest a freed connection first', async () => {
    const done = { a: 0, b: 0, c: 0 } as Record<string, number>;
    let widest = 0;
    await pipeline({
      window: 3,
      apply: async (p, batch: ReplayBatch) => {
        // 'a' takes five turns per batch, the others one.
        for (let i = 0; i < (p.name === 'a' ? 5 : 1); i++) await tick();
        done[p.name] = numberOf(batch.last) / 10;
        widest = Math.max(widest, Math.max(done.b, done.c) - done.a);
        return true;
      },
    }).run();
    expect(done).toEqual({ a: 10, b: 10, c: 10 });
    expect(widest).toBeGreaterThan(1); // the others did run ahead…
    expect(widest).toBeLessThanOrEqual(4); // …but no further than the window (+ the batch in hand)
  });

  it('hands a projector only the batches with types it folds, its checkpoint still covering every event', async () => {
    const handed: string[] = [];
    await pipeline({
      projectors: [projector('rare', ['Rare']), projector('all')],
      apply: async (p, batch) => {
        if (p.name === 'rare') handed.push(`${numberOf(batch.from)}..${numberOf(batch.last)}:${batch.events.length}`);
        return true;
      },
    }).run();
    // Batches 21..30 and 71..80 hold the two Rare events; the rest is skipped and covered by the next handover.
    expect(handed).toEqual(['0..30:10', '30..80:10', '80..100:0']);
  });

  it("stops with 'behind' when a checkpoint went back, starting nothing more", async () => {
    const applied: string[] = [];
    const outcome = await pipeline({
      apply: async (p, batch) => {
        applied.push(`${p.name}@${numberOf(batch.last)}`);
        await tick();
        return !(p.name === 'b' && numberOf(batch.last) === 30);
      },
    }).run();
    expect(outcome).toBe('behind');
    expect(applied).toContain('b@30');
    expect(applied.filter((a) => a.endsWith('@100'))).toEqual([]);
  });

  it('rethrows the first error after the batches in flight have finished', async () => {
    let inFlight = 0;
    const run = pipeline({
      apply: async (p, batch) => {
        inFlight += 1;
        await tick();
        inFlight -= 1;
        if (p.name === 'c' && numberOf(batch.last) === 20) throw new Error('projector bug');
        return true;
      },
    }).run();
    await expect(run).rejects.toThrow('projector bug');
    expect(inFlight).toBe(0);
  });

  it('fails with the read error', async () => {
    let reads = 0;
    const read = async (after: LogPosition) => {
      if ((reads += 1) === 3) throw new Error('connection lost');
      return log(100, 10)(after);
    };
    await expect(pipeline({ read, apply: async () => true }).run()).rejects.toThrow('connection lost');
  });
});
