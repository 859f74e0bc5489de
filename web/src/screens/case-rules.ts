import type { DisciplinaryCase } from '../api/cases';

export type CaseAction = 'explanation' | 'appeal' | 'hearing' | 'hearingRecord' | 'vote' | 'decision' | 'execution';

/** Rule: offer only what this role may do in this status; the server decides the rest (its refusals show by the field). */
export function availableCaseActions(c: DisciplinaryCase, role: string, sub: string): CaseAction[] {
  const actions: CaseAction[] = [];
  const isSubject = sub === c.subject.officialId;
  if (isSubject && ['open', 'hearing_scheduled'].includes(c.status) && !c.explanations.some((e) => e.round === c.round)) actions.push('explanation');
  if (isSubject && c.status === 'decided') actions.push('appeal');
  if (['board_secretary', 'admin'].includes(role)) {
    if (c.status === 'open') actions.push('hearing');
    if (c.status === 'hearing_scheduled') actions.push('hearingRecord');
    if (c.status === 'heard') actions.push('decision');
  }
  if (role === 'board_member' && c.status === 'heard' && !c.votes.some((v) => v.memberId === sub)) actions.push('vote');
  if (role === 'admin' && ['decided', 'executing'].includes(c.status)) actions.push('execution');
  return actions;
}
