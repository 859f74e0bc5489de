import type { RecordedEvent } from '@rectify/event-store';

/**
 * How report read models recognise events of the workflow and discipline issues, by type
 * name (so new event types of the same shape are picked up without code).
 */
export type DisciplineStage = 'referral' | 'case' | 'decision';

const REFERRAL = /(Referred|Referral)(ToDisciplinaryBoard|Raised|Made|Recorded|Opened)?$/;
const CASE = /^(Case|DisciplinaryCase)(Opened|Created|Filed)$/;
const DECISION = /^(Case|DisciplinaryCase)?Decided$|^(Disciplinary|Personnel)?DecisionRecorded$/;

export function disciplineStage(type: string): DisciplineStage | null {
  if (REFERRAL.test(type)) return 'referral';
  if (CASE.test(type)) return 'case';
  if (DECISION.test(type)) return 'decision';
  return null;
}

/** The form: of a referral its rule or grounds, of a case its origin, of a decision its kind. */
export function disciplineForm(stage: DisciplineStage, data: Record<string, unknown>): string {
  const d = data as Record<string, Record<string, unknown> | string | undefined>;
  const pick = (...candidates: unknown[]) => candidates.find((c): c is string => typeof c === 'string' && c !== '') ?? 'unspecified';
  const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  switch (stage) {
    case 'referral':
      return pick(d.rule, obj(d.grounds).kind, d.form, d.kind);
    case 'case':
      return pick(obj(d.origin).kind, d.form, d.kind);
    case 'decision':
      return pick(obj(d.decision).kind, d.decisionKind, d.form, d.kind);
  }
}

export function disciplineParties(data: Record<string, unknown>): { officialId: string | null; unitId: string | null } {
  const subject = (data.subject && typeof data.subject === 'object' ? data.subject : {}) as Record<string, unknown>;
  const officialIds = Array.isArray(data.officialIds) ? data.officialIds : [];
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    officialId: str(data.officialId) ?? str(subject.officialId) ?? str(officialIds[0]),
    unitId: str(data.unitId) ?? str(subject.unitId),
  };
}

/** The finding an event is about: data.findingId, or the id of a finding-/remediation- stream. */
export function findingIdOf(event: RecordedEvent): string | null {
  if (typeof event.data.findingId === 'string') return event.data.findingId;
  const match = /^(finding|remediation)-(.+)$/.exec(event.streamId);
  return match ? match[2] : null;
}
