import { ManualClock, systemClock } from '@rectify/workflow';
import { ConfigError } from '../../config';
import { engineClock } from './engine-clock';

const dev = { nodeEnv: 'development' as const, auth: { mode: 'dev' as const, devTokenSecret: 'x'.repeat(32) } };
const oidc = { nodeEnv: 'development' as const, auth: { mode: 'oidc' as const, issuer: 'https://id.example.org', audience: 'rectify' } };

describe('engine clock selection', () => {
  it('uses real time unless CLOCK=manual', () => {
    expect(engineClock({}, dev)).toBe(systemClock);
    expect(engineClock({ CLOCK: 'system' }, oidc)).toBe(systemClock);
  });

  it('starts a manual clock at CLOCK_START in dev mode', () => {
    const clock = engineClock({ CLOCK: 'manual', CLOCK_START: '2023-01-19T09:00:00+07:00' }, dev);
    expect(clock).toBeInstanceOf(ManualClock);
    expect(clock.now().toISOString()).toBe('2023-01-19T02:00:00.000Z');
  });

  it('refuses to boot with a manual clock outside dev mode, naming CLOCK', () => {
    expect(() => engineClock({ CLOCK: 'manual' }, oidc)).toThrow(ConfigError);
    expect(() => engineClock({ CLOCK: 'manual' }, oidc)).toThrow(/CLOCK=manual is allowed only in dev mode/);
    expect(() => engineClock({ CLOCK: 'manual' }, { ...dev, nodeEnv: 'production' })).toThrow(/CLOCK=manual/);
    expect(() => engineClock({ CLOCK: 'fast' }, dev)).toThrow(/CLOCK must be one of system, manual/);
    expect(() => engineClock({ CLOCK: 'manual', CLOCK_START: 'soon' }, dev)).toThrow(/CLOCK_START/);
  });
});
