import { Injectable } from '@nestjs/common';

/** DI token of the DependencyHealth registry. */
export const DEPENDENCY_HEALTH = Symbol('DEPENDENCY_HEALTH');

export interface DependencyStatus {
  /** e.g. 'evidence-store'. */
  name: string;
  status: 'up' | 'down';
  latencyMs: number;
  /** What the dependency is, e.g. 's3://bucket/prefix'. */
  target?: string;
  error?: string;
}

/** Resolves when the dependency answers; rejects with the reason. */
export type DependencyProbe = () => Promise<void>;

const PROBE_TIMEOUT_MS = 2_000;

/**
 * External dependencies other than the database (e.g. the S3 evidence bucket) register a
 * probe; /health reports them. Rule: a dependency down degrades the engine (200 'degraded'),
 * it does not take it out of rotation — only the database does.
 */
@Injectable()
export class DependencyHealth {
  private readonly probes = new Map<string, { target?: string; probe: DependencyProbe }>();

  register(name: string, probe: DependencyProbe, target?: string): () => void {
    this.probes.set(name, { probe, ...(target ? { target } : {}) });
    return () => this.probes.delete(name);
  }

  get size(): number {
    return this.probes.size;
  }

  async snapshot(): Promise<DependencyStatus[]> {
    return Promise.all([...this.probes].map(([name, { target, probe }]) => check(name, probe, target)));
  }
}

async function check(name: string, probe: DependencyProbe, target: string | undefined): Promise<DependencyStatus> {
  const started = performance.now();
  const base = { name, ...(target ? { target } : {}) };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS))),
    ]);
    return { ...base, status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ...base, status: 'down', latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
