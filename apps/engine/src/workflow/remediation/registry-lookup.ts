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
import { readStreamWith } from '@rectify/event-store';

type Folding<E, S> = { evolve(state: S, event: E): S; initialState(): S };

/** Folds a stream inside the caller's transaction: the registry as it stands at this moment. */
async function load<E, S>(tx: ClientBase, decider: Folding<E, S>, streamId: string): Promise<S> {
  return fold(decider, await readStreamWith(tx, streamId));
}

function fold<E, S>(decider: Folding<E, S>, events: readonly { type: string; data: unknown }[]): S {
  return events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
}

/** Unit, deadline policy and (optionally) inspection in one round trip: the start of a process. */
export async function loadStartFacts(
  tx: ClientBase,
  unitId: string,
  inspectionId: string,
): Promise<{ unit: UnitState; policy: DeadlinePolicyState; inspection: InspectionState }> {
  const streams = [unitStream(unitId), DEADLINE_POLICY_STREAM, inspectionStream(inspectionId)];
  const { rows } = await tx.query<{ stream_id: string; type: string; data: unknown }>(
    'SELECT stream_id, type, data FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version',
    [streams],
  );
  const of = (id: string) => rows.filter((r) => r.stream_id === id);
  return {
    unit: fold<UnitEvent, UnitState>(unitDecider, of(streams[0])),
    policy: fold<DeadlinePolicyEvent, DeadlinePolicyState>(deadlinePolicyDecider, of(streams[1])),
    inspection: fold<InspectionEvent, InspectionState>(inspectionDecider, of(streams[2])),
  };
}

export const loadUnit = (tx: ClientBase, unitId: string) => load<UnitEvent, UnitState>(tx, unitDecider, unitStream(unitId));
export const loadInspection = (tx: ClientBase, id: string) => load<InspectionEvent, InspectionState>(tx, inspectionDecider, inspectionStream(id));
export const loadDeadlinePolicy = (tx: ClientBase) => load<DeadlinePolicyEvent, DeadlinePolicyState>(tx, deadlinePolicyDecider, DEADLINE_POLICY_STREAM);

/** The unit's head now (null official when the post is vacant). */
export async function unitHeadOf(tx: ClientBase, unitId: string, unit?: UnitState): Promise<Addressee> {
  const state = unit ?? (await loadUnit(tx, unitId));
  return { officialId: state.status === 'absent' ? null : state.headOfficialId, unitId, role: 'unit_head' };
}

/** The supervising authority: the configured supervising unit's head, else the parent unit's head. */
export async function supervisorOf(tx: ClientBase, unit: UnitState): Promise<Addressee> {
  const authority = unit.status === 'absent' ? null : (unit.supervisingUnitId ?? unit.parentUnitId);
  if (!authority) return { officialId: null, unitId: null, role: 'supervising_authority' };
  const head = await unitHeadOf(tx, authority);
  return { ...head, role: 'supervising_authority' };
}
