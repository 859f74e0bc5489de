import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  officialDecider,
  officialStream,
  unitDecider,
  unitStream,
  type Actor,
  type AppointUnitHead,
  type CreateUnit,
  type RegisterOfficial,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, type Clock } from '@rectify/workflow';
import {
  DEMO_OFFICIALS,
  DEMO_OFFICIAL_IDS,
  DEMO_SEED_KEY_PREFIX,
  DEMO_UNITS,
  DEMO_UNIT_IDS,
  DEMO_USERS,
} from './demo-organisation';

export const DEMO_SEED_ENABLED = Symbol('DEMO_SEED_ENABLED');

/**
 * DEMO_SEED: 'true' seeds an empty store, 'false' never seeds; anything else stops the boot.
 * Unset means true, except with NODE_ENV=production, where it means false.
 */
export function demoSeedEnabledFromEnv(env: NodeJS.ProcessEnv): boolean {
  const fallback = env.NODE_ENV === 'production' ? 'false' : 'true';
  const raw = (env.DEMO_SEED ?? fallback).trim().toLowerCase();
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`Invalid configuration: DEMO_SEED must be true or false (got '${raw}')`);
  }
  return raw === 'true';
}

export type DemoSeedOutcome = 'disabled' | 'seeded' | 'already-seeded' | 'registry-not-empty';

const SYSTEM: Actor = { id: 'system', role: 'system' };

type SeedStep =
  | { key: string; streamId: string; kind: 'unit'; command: CreateUnit | AppointUnitHead }
  | { key: string; streamId: string; kind: 'official'; command: RegisterOfficial };

/**
 * Seeds the demo organisation through the CommandRunner, as the system actor, with fixed
 * ids and fixed idempotency keys: a rerun (a crash half-way, or two engines booting at
 * once on one database) re-answers the commands already done and writes nothing twice.
 * Runs only while the org registry is empty or holds a partial demo seed.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEMO_SEED_ENABLED) private readonly enabled: boolean,
    private readonly runner: CommandRunner,
  ) {}

  async seed(): Promise<DemoSeedOutcome> {
    if (!this.enabled) return 'disabled';
    const steps = this.steps();
    if (await this.store.findCommand(steps[steps.length - 1].key)) return 'already-seeded';
    const started = (await this.store.streamVersion(unitStream(DEMO_UNIT_IDS.cityInspectionTeam))) > 0;
    if (!started && (await this.store.readAll({ types: ['UnitCreated'], limit: 1 })).length > 0) {
      this.logger.log('The org registry already has units; demo organisation not seeded');
      return 'registry-not-empty';
    }
    for (const step of steps) await this.run(step);
    this.logger.log(`Demo organisation seeded: ${DEMO_UNITS.length} units, ${DEMO_OFFICIALS.length} officials`);
    return 'seeded';
  }

  /** A hint for AUTH_MODE=dev: which token subjects act as which demo users. */
  devTokenHint(): string {
    return (
      'Demo users for POST /api/v1/dev/token {sub, role}: ' +
      `admin sub=${DEMO_USERS.admin}; ` +
      `team_lead sub=${DEMO_USERS.team_lead} (Nguyễn Văn Hùng, city inspection team ${DEMO_UNIT_IDS.cityInspectionTeam}); ` +
      `inspector sub=${DEMO_USERS.inspector} (Trần Thị Mai Anh) or ${DEMO_OFFICIAL_IDS.cityInspector2} (Lê Quang Minh); ` +
      `unit_head sub=${DEMO_USERS.unit_head} (Mai Xuân Trường, UBND phường Điện Biên ${DEMO_UNIT_IDS.dienBienWard})`
    );
  }

  private steps(): SeedStep[] {
    const metadata = { actor: SYSTEM, now: this.clock.now() };
    const units: SeedStep[] = DEMO_UNITS.map((u) => ({
      key: `${DEMO_SEED_KEY_PREFIX}/unit/${u.id}`,
      streamId: unitStream(u.id),
      kind: 'unit',
      command: {
        type: 'CreateUnit',
        data: { unitId: u.id, name: u.name, code: u.code, kind: u.kind, parentUnitId: u.parentUnitId, supervisingUnitId: u.supervisingUnitId },
        metadata,
      },
    }));
    const officials: SeedStep[] = DEMO_OFFICIALS.map((o) => ({
      key: `${DEMO_SEED_KEY_PREFIX}/official/${o.id}`,
      streamId: officialStream(o.id),
      kind: 'official',
      command: {
        type: 'RegisterOfficial',
        data: { officialId: o.id, fullName: o.fullName, unitId: o.unitId, position: o.position, email: o.email },
        metadata,
      },
    }));
    const heads: SeedStep[] = DEMO_OFFICIALS.filter((o) => o.head).map((o) => ({
      key: `${DEMO_SEED_KEY_PREFIX}/head/${o.unitId}`,
      streamId: unitStream(o.unitId),
      kind: 'unit',
      command: { type: 'AppointUnitHead', data: { unitId: o.unitId, officialId: o.id, officialUnitId: o.unitId }, metadata },
    }));
    return [...units, ...officials, ...heads];
  }

  private async run(step: SeedStep): Promise<void> {
    const common = { streamId: step.streamId, idempotencyKey: step.key, correlationId: DEMO_SEED_KEY_PREFIX, respond: () => ({ seeded: step.streamId }) };
    if (step.kind === 'unit') {
      await this.runner.execute({ ...common, decider: unitDecider, command: step.command });
    } else {
      await this.runner.execute({ ...common, decider: officialDecider, command: step.command });
    }
  }
}
