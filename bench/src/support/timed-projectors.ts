import type { Projector } from '@rectify/read-models';

/**
 * The projectors wrapped to add up each one's own time inside project() (the rest of a rebuild
 * is reading the log, commits and index builds). Each wrapper has its projector as prototype,
 * so its other methods (RebuildIndexes) stay reachable.
 */
export function timedProjectors(projectors: readonly Projector[]): { projectors: Projector[]; seconds: () => Map<string, number> } {
  const ms = new Map<string, number>();
  const wrapped = projectors.map((p) => Object.assign(Object.create(p) as Projector, {
    async project(events: Parameters<Projector['project']>[0], tx: Parameters<Projector['project']>[1]) {
      const began = performance.now();
      await p.project(events, tx);
      ms.set(p.name, (ms.get(p.name) ?? 0) + performance.now() - began);
    },
  }));
  return { projectors: wrapped, seconds: () => new Map([...ms].map(([name, total]) => [name, Math.round(total / 100) / 10])) };
}
