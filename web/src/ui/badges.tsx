import { useI18n } from '../i18n/i18n';

export function StatusBadge({ status }: { status: string }) {
  const { tx } = useI18n();
  return <span className={`badge badge--${status}`}>{tx(`status.${status}`, status)}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const { tx } = useI18n();
  return <span className={`badge sev--${severity}`}>{tx(`severity.${severity}`, severity)}</span>;
}

/** "còn 3 ngày làm việc" from the server's working-day count; nothing when the server has none. */
export function WorkingDays({ days }: { days: number | null | undefined }) {
  const { t } = useI18n();
  if (days === null || days === undefined) return null;
  const text = days > 0 ? t('common.workingDaysLeft', { n: days }) : days === 0 ? t('common.dueToday') : t('common.workingDaysOverdue', { n: -days });
  return <span className={`countdown${days < 0 ? ' countdown--late' : ''}`}>{text}</span>;
}
