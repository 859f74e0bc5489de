import { assertNever, assertRole, type Command, type Decider, type DomainEvent } from '../shared';
import { DEFAULT_DEADLINE_POLICY, validateDeadlinePolicy, type DeadlinePolicy } from './deadline-policy';

/** The single stream holding the deadline policy's history. */
export const DEADLINE_POLICY_STREAM = 'policy-deadlines';

export type SetDeadlinePolicy = Command<'SetDeadlinePolicy', { policy: DeadlinePolicy }>;
export type DeadlinePolicyCommand = SetDeadlinePolicy;

/** A new revision of the policy; it applies to findings recorded after it (their process snapshots the rules). */
export type DeadlinePolicySet = DomainEvent<'DeadlinePolicySet', { policy: DeadlinePolicy; revision: number }>;
export type DeadlinePolicyEvent = DeadlinePolicySet;

/** Revision 0 is the built-in default (DOMAIN.md) until an administrator sets one. */
export interface DeadlinePolicyState {
  status: 'default' | 'configured';
  policy: DeadlinePolicy;
  revision: number;
}

const initialState = (): DeadlinePolicyState => ({ status: 'default', policy: DEFAULT_DEADLINE_POLICY, revision: 0 });

function decide(command: DeadlinePolicyCommand, state: DeadlinePolicyState): DeadlinePolicyEvent[] {
  switch (command.type) {
    case 'SetDeadlinePolicy': {
      assertRole(command.metadata.actor, ['admin'], 'POLICY.ROLE_NOT_ALLOWED', 'set the deadline policy');
      const policy = validateDeadlinePolicy(command.data.policy);
      return [{ type: 'DeadlinePolicySet', data: { policy, revision: state.revision + 1 } }];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: DeadlinePolicyState, event: DeadlinePolicyEvent): DeadlinePolicyState {
  switch (event.type) {
    case 'DeadlinePolicySet':
      return { status: 'configured', policy: event.data.policy, revision: event.data.revision };
    default:
      return assertNever(event.type);
  }
}

export const deadlinePolicyDecider: Decider<DeadlinePolicyCommand, DeadlinePolicyEvent, DeadlinePolicyState> = {
  decide,
  evolve,
  initialState,
};
