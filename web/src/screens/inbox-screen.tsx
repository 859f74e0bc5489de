import { useState } from 'react';
import { api, probe, query, type Page } from '../api/client';
import type { Finding } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/vi';
import { useOrg } from '../org';
import { Notice } from '../ui/field';
import { SeverityBadge, StatusBadge, WorkingDays } from '../ui/badges';
import { Link } from '../router';
import { vietnamDate } from '../i18n/format';
import { FindingList } from '../ui/finding-list';
import { useLoad } from '../ui/use-load';

/** One item of GET /api/v1/inbox (the workflow issue). */
interface InboxItem {
  findingId: string;
  title: string;
  unitId: string;
  severity: string;
  status: string;
  reasons: string[];
  deadline: string | null;
  overdue: boolean;
  dueSoon: boolean;
  escalationLevel: number;
}

const SECTIONS: { key: MessageKey; test(item: InboxItem): boolean }[] = [
  { key: 'inbox.overdue', test: (i) => i.overdue },
  { key: 'inbox.escalated', test: (i) => !i.overdue && (i.escalationLevel > 0 || i.reasons.includes('escalated')) },
  { key: 'inbox.dueSoon', test: (i) => !i.overdue && i.escalationLevel === 0 && !i.reasons.includes('escalated') && i.dueSoon },
  { key: 'inbox.awaiting', test: (i) => !i.overdue && i.escalationLevel === 0 && !i.reasons.includes('escalated') && !i.dueSoon },
];

/** Statuses in which the unit must act (fallback grouping while /inbox does not exist). */
const UNIT_ACTS = ['recorded', 'acknowledged', 'in_remediation', 'verified'];
const OTHERS_ACT = ['disputed', 'awaiting_verification'];

/**
 * The unit head's inbox: the workflow's GET /api/v1/inbox (overdue, escalated, due soon,
 * awaiting action, deadlines counted down in working days) when the engine has it; until
 * then the findings of the units they head, grouped by who must act next.
 */
export function InboxScreen() {
  const { t } = useI18n();
  const inbox = useLoad(() => probe<{ items: InboxItem[] }>('inbox'), []);
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      {inbox.loading ? <p>{t('common.loading')}</p> : inbox.data ? <ServerInbox items={inbox.data.items} /> : <FallbackInbox />}
    </>
  );
}

function ServerInbox({ items }: { items: InboxItem[] }) {
  const { t, tx, dayDate } = useI18n();
  const org = useOrg();
  if (items.length === 0) return <p>{t('inbox.empty')}</p>;
  return (
    <>
      {SECTIONS.map((section) => {
        const shown = items.filter(section.test);
        if (shown.length === 0) return null;
        return (
          <section key={section.key} aria-label={t(section.key)}>
            <h2>
              {t(section.key)} ({shown.length})
            </h2>
            <ul className="cards" data-testid="finding-list">
              {shown.map((i) => (
                <li key={i.findingId} className="card">
                  <Link to={`/findings/${i.findingId}`}>{i.title}</Link>
                  <p>
                    <StatusBadge status={i.status} /> <SeverityBadge severity={i.severity} />
                    {i.escalationLevel > 0 ? <span className="badge badge--late">{t('finding.escalation', { level: i.escalationLevel })}</span> : null}
                  </p>
                  <p className="muted">
                    {org.unitName(i.unitId)}
                    {i.reasons.length ? ` · ${i.reasons.map((r) => tx(`reason.${r}`, r)).join(', ')}` : ''}
                  </p>
                  {i.deadline ? (
                    <p>
                      {t('finding.deadline')}: {dayDate(i.deadline)} <Countdown deadline={i.deadline} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** Working days from today to the deadline, from the business calendar (GET /calendar/working-days). */
export function Countdown({ deadline }: { deadline: string }) {
  const loaded = useLoad(async () => {
    const today = vietnamDate(new Date());
    const due = vietnamDate(new Date(deadline));
    if (due === today) return 0;
    const [from, to, sign] = due > today ? [today, due, 1] : [due, today, -1];
    const answer = await probe<{ workingDays?: number }>(`calendar/working-days${query({ from, to })}`).catch(() => null);
    return answer?.workingDays === undefined ? null : sign * answer.workingDays;
  }, [deadline]);
  return <WorkingDays days={loaded.data} />;
}

function FallbackInbox() {
  const { t } = useI18n();
  const { session } = useSession();
  const org = useOrg();
  const units = session ? org.unitsHeadedBy(session.sub) : [];
  if (org.units.length === 0) return <p>{t('common.loading')}</p>;
  if (units.length === 0) return <Notice>{t('inbox.noUnit')}</Notice>;
  return (
    <>
      <Notice>{t('inbox.fallback')}</Notice>
      {units.map((u) => (
        <div key={u.id}>
          <p className="muted">{t('inbox.unit', { unit: u.name })}</p>
          <UnitSection unitId={u.id} statuses={UNIT_ACTS} title={t('inbox.awaiting')} />
          <UnitSection unitId={u.id} statuses={OTHERS_ACT} title={t('inbox.waitingOthers')} />
        </div>
      ))}
    </>
  );
}

function UnitSection({ unitId, statuses, title }: { unitId: string; statuses: string[]; title: string }) {
  const [page, setPage] = useState(1);
  // The list API filters one status at a time: gather each, newest first, then page here.
  const loaded = useLoad(async () => {
    const lists = await Promise.all(statuses.map((status) => api<Page<Finding>>(`findings${query({ unitId, status, pageSize: 100 })}`)));
    const items = lists.flatMap((l) => l.items).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
    return { items: items.slice((page - 1) * 10, page * 10), page, pageSize: 10, total: items.length };
  }, [unitId, page, statuses.join()]);
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <FindingList loaded={loaded} onPage={setPage} />
    </section>
  );
}
