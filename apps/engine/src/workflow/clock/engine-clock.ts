import { Logger } from '@nestjs/common';
import { CLOCK, ManualClock, systemClock, type Clock } from '@rectify/workflow';
import { ConfigError, ENGINE_CONFIG, type EngineConfig } from '../../config';

/**
 * CLOCK=system (default): real time. CLOCK=manual: time stands still until
 * POST /api/v1/dev/clock moves it (starting at CLOCK_START, default: the real time at boot).
 * Manual time is allowed only in dev mode (AUTH_MODE=dev and NODE_ENV not production);
 * anything else refuses to boot, naming the variable.
 */
export function engineClock(env: NodeJS.ProcessEnv, config: Pick<EngineConfig, 'nodeEnv' | 'auth'>): Clock {
  const mode = (env.CLOCK ?? '').trim() || 'system';
  if (mode === 'system') return systemClock;
  if (mode !== 'manual') throw new ConfigError([`CLOCK must be one of system, manual (got '${mode}')`]);
  if (config.auth.mode !== 'dev' || config.nodeEnv === 'production') {
    throw new ConfigError([`CLOCK=manual is allowed only in dev mode (AUTH_MODE=dev, NODE_ENV not production); got AUTH_MODE=${config.auth.mode}, NODE_ENV=${config.nodeEnv}`]);
  }
  const rawStart = (env.CLOCK_START ?? '').trim();
  const start = rawStart === '' ? new Date() : new Date(rawStart);
  if (Number.isNaN(start.getTime())) throw new ConfigError([`CLOCK_START must be an ISO-8601 date-time (got '${rawStart}')`]);
  new Logger('Clock').warn(`CLOCK=manual: engine time is ${start.toISOString()} and moves only by POST /api/v1/dev/clock`);
  return new ManualClock(start);
}

/** The CLOCK provider of EventSourcingModule. */
export const engineClockProvider = {
  provide: CLOCK,
  inject: [ENGINE_CONFIG],
  useFactory: (config: EngineConfig): Clock => engineClock(process.env, config),
};
