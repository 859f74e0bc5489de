import type { ClientBase } from 'pg';
import {
  DEADLINE_POLICY_STREAM,
  deadlinePolicyDecider,
  inspectionDecider,
  inspectionStream,
  unitDecider,
  unitStream,
  type Addressee,
  type DeadlinePolicyEvent,
  type DeadlinePolicyState,
  type InspectionEvent,
  type InspectionState,
  type UnitEvent,
  type UnitState,
} from '@rectify/domain';
import { readStreamWith, type EventStore } from '@rectify/event-store';

type Folding<E, S> = { evolve(state: S, event: E): S; initialState(): S };

/**
 * Where the registry's streams are read: by default inside the caller's PostgreSQL transaction
 * (`sqlRegistry`: the `events` table, the batch read in one statement); in KurrentDB mode
 * through the EventStore port (`portRegistry`), where the registry's events live.
 */
export interface RegistrySource {
  readStream(streamId: string): Promise<readonly { type: string; data: unknown }[]>;
  startFactsOfMany(starts: readonly { unitId: string; inspectionId: string }[]): Promise<Map<string, StartFacts>>;
}

export const sqlRegistry = (tx: ClientBase): RegistrySource => ({
  readStream: (streamId) => readStreamWith(tx, streamId),
  startFactsOfMany: (starts) => loadStartFactsOfMany(tx, starts),
});

/** One port read per stream, in parallel; the authority is read once the units are folded. */
export const portRegistry = (store: EventStore): RegistrySource => ({
  readStream: (streamId) => store.readStream(streamId),
  async startFactsOfMany(starts) {
    if (starts.length === 0) return new Map();
    const streams = new Map<string, readonly { type: string; data: unknown }[]>();
    const readAll = async (ids: readonly string[]) => {
      const missing = [...new Set(ids)].filter((id) => !streams.has(id));
      for (const [id, events] of await Promise.all(missing.map(async (id) => [id, await store.readStream(id)] as const))) streams.set(id, events);
    };
    await readAll([...starts.map((s) => unitStream(s.unitId)), DEADLINE_POLICY_STREAM, ...starts.map((s) => inspectionStream(s.inspectionId))]);
    const authorityOf = (unitId: string) => {
      const unit = fold<UnitEvent, UnitState>(unitDecider, streams.get(unitStream(unitId)) ?? []);
      return unit.status === 'absent' ? null : (unit.supervisingUnitId ?? unit.parentUnitId);
    };
    await readAll(starts.map((s) => authorityOf(s.unitId)).filter((id): id is string => id !== null).map(unitStream));
    return factsFrom(starts, (id) => streams.get(id) ?? []);
  },
});

/** Folds a stream: the registry as it stands at this moment. */
async function load<E, S>(source: RegistrySource, decider: Folding<E, S>, streamId: string): Promise<S> {
  return fold(decider, await source.readStream(streamId));
}

function fold<E, S>(decider: Folding<E, S>, events: readonly { type: string; data: unknown }[]): S {
  return events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
}

export interface StartFacts {
  unit: UnitState;
  policy: DeadlinePolicyState;
  inspection: InspectionState;
  /** The unit's supervising authority (configured supervising unit, else parent), as it stands now. */
  authority: UnitState | null;
}

/**
 * Unit, deadline policy, inspection and the unit's supervising-authority unit of every given
 * start in ONE round trip (a whole subscription batch). The authority candidates are every
 * unit any of the unit's events named as parent or supervising unit; the folded unit state
 * says which one holds now. Keyed by startKey(unitId, inspectionId).
 */
export async function loadStartFactsOfMany(tx: ClientBase, starts: readonly { unitId: string; inspectionId: string }[]): Promise<Map<string, StartFacts>> {
  const facts = new Map<string, StartFacts>();
  if (starts.length === 0) return facts;
  const units = [...new Set(starts.map((s) => unitStream(s.unitId)))];
  const streams = [...units, DEADLINE_POLICY_STREAM, ...new Set(starts.map((s) => inspectionStream(s.inspectionId)))];
  const { rows } = await tx.query<{ stream_id: string; type: string; data: unknown }>(
    `WITH wanted AS (
       SELECT unnest($1::text[]) AS stream_id
       UNION
       SELECT 'unit-' || named.unit_id FROM events e,
              LATERAL (VALUES (e.data->>'parentUnitId'), (e.data->>'supervisingUnitId')) AS named(unit_id)
        WHERE e.stream_id = ANY($2::text[]) AND named.unit_id IS NOT NULL
     )
     SELECT stream_id, type, data FROM events WHERE stream_id IN (SELECT stream_id FROM wanted) ORDER BY stream_id, version`,
    [streams, units],
  );
  const byStream = new Map<string, typeof rows>();
  for (const row of rows) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
  return factsFrom(starts, (id) => byStream.get(id) ?? []);
}

function factsFrom(starts: readonly { unitId: string; inspectionId: string }[], of: (streamId: string) => readonly { type: string; data: unknown }[]): Map<string, StartFacts> {
  const facts = new Map<string, StartFacts>();
  const policy = fold<DeadlinePolicyEvent, DeadlinePolicyState>(deadlinePolicyDecider, of(DEADLINE_POLICY_STREAM));
  for (const { unitId, inspectionId } of starts) {
    const unit = fold<UnitEvent, UnitState>(unitDecider, of(unitStream(unitId)));
    const authorityId = unit.status === 'absent' ? null : (unit.supervisingUnitId ?? unit.parentUnitId);
    facts.set(startKey(unitId, inspectionId), {
      unit,
      policy,
      inspection: fold<InspectionEvent, InspectionState>(inspectionDecider, of(inspectionStream(inspectionId))),
      authority: authorityId ? fold<UnitEvent, UnitState>(unitDecider, of(unitStream(authorityId))) : null,
    });
  }
  return facts;
}

export const startKey = (unitId: string, inspectionId: string): string => `${unitId}/${inspectionId}`;

/** One start's facts (see loadStartFactsOfMany). */
export async function loadStartFacts(source: RegistrySource, unitId: string, inspectionId: string): Promise<StartFacts> {
  return (await source.startFactsOfMany([{ unitId, inspectionId }])).get(startKey(unitId, inspectionId))!;
}

export const loadUnit = (source: RegistrySource, unitId: string) => load<UnitEvent, UnitState>(source, unitDecider, unitStream(unitId));
export const loadInspection = (source: RegistrySource, id: string) => load<InspectionEvent, InspectionState>(source, inspectionDecider, inspectionStream(id));
export const loadDeadlinePolicy = (source: RegistrySource) => load<DeadlinePolicyEvent, DeadlinePolicyState>(source, deadlinePolicyDecider, DEADLINE_POLICY_STREAM);

/** The unit's head now (null official when the post is vacant). */
export async function unitHeadOf(source: RegistrySource, unitId: string, unit?: UnitState): Promise<Addressee> {
  const state = unit ?? (await loadUnit(source, unitId));
  return { officialId: state.status === 'absent' ? null : state.headOfficialId, unitId, role: 'unit_head' };
}

/**
 * The supervising authority: the configured supervising unit's head, else the parent unit's
 * head. `authority` is that unit's state when the caller already loaded it (loadStartFacts).
 */
export async function supervisorOf(source: RegistrySource, unit: UnitState, authority?: UnitState | null): Promise<Addressee> {
  const authorityId = unit.status === 'absent' ? null : (unit.supervisingUnitId ?? unit.parentUnitId);
  if (!authorityId) return { officialId: null, unitId: null, role: 'supervising_authority' };
  const head = await unitHeadOf(source, authorityId, authority ?? undefined);
  return { ...head, role: 'supervising_authority' };
}
