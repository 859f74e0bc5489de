/** Who issued a command, as established by authentication (never by the request body). */
export interface Actor {
  id: string;
  role: Role;
  /** Units the actor is scoped to (e.g. the units a unit head heads), when known. */
  unitIds?: readonly string[];
}

export const ROLES = [
  'admin',
  'inspector',
  'team_lead',
  'unit_head',
  'supervisor',
  'board_member',
  'board_secretary',
  'auditor',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** Context every command carries: who, when (domain time), and why. */
export interface CommandContext {
  actor: Actor;
  /** Domain time of the command; injected by the caller's clock. */
  now: Date;
  reason?: string;
}

/** Commands and events are discriminated unions of { type, data, metadata }. */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CommandContext;
}

export interface DomainEvent<Type extends string, Data> {
  type: Type;
  data: Data;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
