import type { RecordedEvent } from '@rectify/event-store';

export type SubjectType = 'official' | 'unit';
/** 'subject': the event is about them; 'actor': they did it. */
export type SubjectRelation = 'subject' | 'actor';

export interface Subject {
  type: SubjectType;
  id: string;
}

const OFFICIAL_KEY = /(officialids?|memberids?)$/i;
const UNIT_KEY = /(unitids?|teamids?)$/i;
/** Streams whose subjects are only what their own events name (never inherited). */
const REGISTRY_STREAM = /^(official|unit)-/;

/**
 * Whom an event concerns, by rule (so events of later issues are covered without code):
 * - the owner of an official-<id> or unit-<id> stream;
 * - every id in the event's data under a key ending in officialId(s)/memberId(s) (officials)
 *   or unitId(s)/teamId(s) (units), at the top level or one object deep;
 * - the subjects named by earlier events of the same stream (a finding's later events concern
 *   its unit and responsible officials), except in registry streams;
 * - the actor (metadata.actorId), as 'actor'.
 */
export function subjectsOf(event: RecordedEvent, inherited: readonly Subject[]): { named: Subject[]; all: Map<string, SubjectRelation> } {
  const named: Subject[] = [];
  const owner = /^(official|unit)-(.+)$/.exec(event.streamId);
  if (owner) named.push({ type: owner[1] as SubjectType, id: owner[2] });
  collect(event.data, named, 0);
  const all = new Map<string, SubjectRelation>();
  for (const subject of [...named, ...(REGISTRY_STREAM.test(event.streamId) ? [] : inherited)]) all.set(key(subject), 'subject');
  const actor = event.metadata?.actorId;
  if (typeof actor === 'string' && actor !== '' && !all.has(key({ type: 'official', id: actor }))) {
    all.set(key({ type: 'official', id: actor }), 'actor');
  }
  return { named: REGISTRY_STREAM.test(event.streamId) ? [] : named, all };
}

export function isRegistryStream(streamId: string): boolean {
  return REGISTRY_STREAM.test(streamId);
}

export function key(subject: Subject): string {
  return `${subject.type}:${subject.id}`;
}

export function parseKey(text: string): Subject {
  const index = text.indexOf(':');
  return { type: text.slice(0, index) as SubjectType, id: text.slice(index + 1) };
}

function collect(value: unknown, into: Subject[], depth: number): void {
  if (value === null || typeof value !== 'object' || depth > 1) return;
  for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
    const type: SubjectType | null = OFFICIAL_KEY.test(name) ? 'official' : UNIT_KEY.test(name) ? 'unit' : null;
    if (type) {
      for (const id of Array.isArray(member) ? member : [member]) if (typeof id === 'string' && id !== '') into.push({ type, id });
    } else if (typeof member === 'object') {
      collect(member, into, depth + 1);
    }
  }
}
