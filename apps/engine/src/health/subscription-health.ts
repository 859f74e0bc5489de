import { Injectable } from '@nestjs/common';

/** DI token of the SubscriptionHealth registry. */
export const SUBSCRIPTION_HEALTH = Symbol('SUBSCRIPTION_HEALTH');

export interface SubscriptionStatus {
  name: string;
  /** 'ok': caught up or catching up; 'lagging': behind beyond its threshold; 'failed'/'stopped': not processing. */
  status: 'ok' | 'lagging' | 'stopped' | 'failed';
  /** Last processed global position, as a string (bigint-safe). */
  position?: string;
  lag?: number;
  lastError?: string;
}

export type SubscriptionProbe = () => SubscriptionStatus | Promise<SubscriptionStatus>;

/** Subscriptions (projectors, process managers, relays) register a probe; /health reports them. */
@Injectable()
export class SubscriptionHealth {
  private readonly probes = new Map<string, SubscriptionProbe>();

  /** Registers (or replaces) the probe of a named subscription; returns an unregister function. */
  register(name: string, probe: SubscriptionProbe): () => void {
    this.probes.set(name, probe);
    return () => this.probes.delete(name);
  }

  async snapshot(): Promise<SubscriptionStatus[]> {
    return Promise.all(
      [...this.probes].map(async ([name, probe]) => {
        try {
          return { ...(await probe()), name };
        } catch (error) {
          return { name, status: 'failed' as const, lastError: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }
}
