import { ConfigError } from '../config';

export interface AuditSettings {
  /** A signed checkpoint at every multiple of this many events (AUDIT_CHECKPOINT_EVERY_EVENTS, default 1000). */
  checkpointEveryEvents: number;
  /** ...and at least this often while events arrive (AUDIT_CHECKPOINT_EVERY_MINUTES, default 5). */
  checkpointEveryMs: number;
  /** AUDIT_SIGNING_KEY: a PKCS#8 PEM Ed25519 private key; absent = DATA_DIR/audit-signing-key.pem. */
  signingKeyPem?: string;
}

/** Reads the audit settings; a bad value stops the engine with a message naming the variable. */
export function auditSettingsFromEnv(env: NodeJS.ProcessEnv): AuditSettings {
  return {
    checkpointEveryEvents: positiveInteger(env, 'AUDIT_CHECKPOINT_EVERY_EVENTS', 1000),
    checkpointEveryMs: positiveInteger(env, 'AUDIT_CHECKPOINT_EVERY_MINUTES', 5) * 60_000,
    signingKeyPem: env.AUDIT_SIGNING_KEY || undefined,
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError([`${name} must be a positive integer, got '${raw}'`]);
  return value;
}
