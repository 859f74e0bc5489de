import type { RemediationEvent } from './remediation.events';
import type { RemediationContext } from './remediation.inputs';
import type { ExistingRemediation } from './remediation.state';
import type { Addressee, ReminderKind } from './remediation.values';

const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The acknowledgement deadline passed without an answer: the unit head is told. */
export function notifyAcknowledgementOverdue(state: ExistingRemediation, context: RemediationContext): RemediationEvent[] {
  const { findingId } = state;
  return [
    { type: 'AcknowledgementOverdue', data: { findingId, acknowledgeBy: state.acknowledgeBy ?? '', addressee: context.unitHead } },
    notification(state, 'acknowledgement_overdue', [context.unitHead], `Quá hạn tiếp nhận kết luận: "${state.title}"`, null),
  ];
}

/** Reminders go to the unit head; a reminder never goes out once the finding is overdue. */
export function remind(state: ExistingRemediation, kind: ReminderKind, context: RemediationContext): RemediationEvent[] {
  const { dueDate, dueAt } = state.schedule;
  const workingDaysLeft = Math.max(0, context.calendar.workingDaysBetween(vietnamToday(context.now), dueDate));
  const subject =
    kind === 'due_day'
      ? `Hôm nay là hạn khắc phục (${vnDate(dueDate)}): "${state.title}"`
      : `Còn ${workingDaysLeft} ngày làm việc đến hạn khắc phục (${vnDate(dueDate)}): "${state.title}"`;
  return [
    { type: 'RemediationReminderIssued', data: { findingId: state.findingId, kind, dueDate, dueAt, workingDaysLeft, addressee: context.unitHead } },
    notification(state, 'reminder', [context.unitHead], subject, null),
  ];
}

/**
 * Level 1: formal follow-up to the unit head; level 2: the supervising authority;
 * level 3: referral to the disciplinary board (FindingReferredToDisciplinaryBoard) against the
 * responsible officials and, by policy, the unit head. Levels are reached one after another.
 */
export function escalate(state: ExistingRemediation, level: 1 | 2 | 3, context: RemediationContext): RemediationEvent[] {
  if (state.escalationLevel >= level) return [];
  const { findingId, schedule } = state;
  const escalatedAt = schedule.escalationAt[level - 1];
  const workingDaysOverdue = Math.max(0, context.calendar.workingDaysBetween(schedule.dueDate, vietnamToday(escalatedAt, -1)));
  const board: Addressee = { officialId: null, unitId: null, role: 'disciplinary_board' };
  const addressee = level === 1 ? context.unitHead : level === 2 ? context.supervisor : board;
  const events: RemediationEvent[] = [];
  if (!state.overdue) events.push({ type: 'FindingMarkedOverdue', data: { findingId, dueDate: schedule.dueDate, dueAt: schedule.dueAt } });
  events.push({
    type: 'FindingEscalated',
    data: { findingId, level, escalatedAt, addressee, dueDate: schedule.dueDate, dueAt: schedule.dueAt, workingDaysOverdue },
  });
  if (level === 3) {
    const unitHeadOfficialId = state.rules.referUnitHead ? context.unitHead.officialId : null;
    const officialIds = [...new Set([...state.responsibleOfficialIds, ...(unitHeadOfficialId ? [unitHeadOfficialId] : [])])];
    events.push({
      type: 'FindingReferredToDisciplinaryBoard',
      data: {
        findingId,
        unitId: state.unitId,
        severity: state.severity,
        category: state.category,
        title: state.title,
        officialIds,
        unitHeadOfficialId,
        grounds: {
          kind: 'remediation_overdue',
          dueDate: schedule.dueDate,
          dueAt: schedule.dueAt,
          workingDaysOverdue,
          extensionsGranted: state.extensionsGranted,
          escalations: state.escalations.filter((e): e is typeof e & { level: 1 | 2 } => e.level < 3),
        },
      },
    });
  }
  const recipients = level === 3 ? [board, context.unitHead] : [addressee];
  const subject =
    level === 3
      ? `Chuyển Hội đồng kỷ luật: quá hạn khắc phục ${workingDaysOverdue} ngày làm việc: "${state.title}"`
      : `Cảnh báo cấp ${level}: quá hạn khắc phục (hạn ${vnDate(schedule.dueDate)}): "${state.title}"`;
  events.push(notification(state, level === 3 ? 'referral' : 'escalation', recipients, subject, level));
  return events;
}

function notification(
  state: ExistingRemediation,
  kind: 'acknowledgement_overdue' | 'reminder' | 'escalation' | 'referral',
  recipients: Addressee[],
  subject: string,
  level: 1 | 2 | 3 | null,
): RemediationEvent {
  return {
    type: 'NotificationRequested',
    data: { kind, findingId: state.findingId, recipients, subject, dueAt: state.schedule.dueAt, level },
  };
}

/** The Vietnam calendar date of an instant (optionally shifted by whole days). */
function vietnamToday(iso: string, shiftDays = 0): string {
  return new Date(Date.parse(iso) + (7 * 60 + shiftDays * 24 * 60) * 60 * 1000).toISOString().slice(0, 10);
}
