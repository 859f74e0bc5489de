import { api } from '../api/client';
import type { Finding, StoredEvent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link } from '../router';
import { SeverityBadge, StatusBadge, WorkingDays } from '../ui/badges';
import { EvidenceList } from '../ui/evidence-list';
import { FormAlert } from '../ui/field';
import { problemText } from '../ui/problem-text';
import { Timeline } from '../ui/timeline';
import { useLoad } from '../ui/use-load';
import { FindingActions } from './finding-actions';
import { Countdown } from './inbox-screen';

/** Finding detail: facts, deadlines (when the workflow provides them), actions, timeline. */
export function FindingScreen({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, tx, dayDate, date } = i18n;
  const org = useOrg();
  const finding = useLoad(() => api<Finding>(`findings/${id}`), [id]);
  const events = useLoad(() => api<StoredEvent[]>(`findings/${id}/events`), [id, finding.data?.version]);
  if (finding.error) return <FormAlert message={problemText(finding.error, i18n)} />;
  const f = finding.data;
  if (!f) return <p>{t('common.loading')}</p>;
  return (
    <>
      <h1>{f.title}</h1>
      <p>
        <StatusBadge status={f.status} /> <SeverityBadge severity={f.severity} /> <WorkingDays days={f.workingDaysLeft} />
        {f.overdue ? <span className="badge badge--late">{t('finding.overdue')}</span> : null}
      </p>
      <dl className="facts">
        <dt>{t('finding.category')}</dt>
        <dd>{tx(`category.${f.category}`, f.category)}</dd>
        <dt>{t('finding.unit')}</dt>
        <dd>{org.unitName(f.unitId)}</dd>
        <dt>{t('finding.inspection')}</dt>
        <dd>
          <Link to={`/inspections/${f.inspectionId}`}>{t('common.open')}</Link>
        </dd>
        <dt>{t('finding.observedAt')}</dt>
        <dd>{dayDate(f.observedAt)}</dd>
        {f.acknowledgeBy ? (
          <>
            <dt>{t('finding.acknowledgeBy')}</dt>
            <dd>
              {dayDate(f.acknowledgeBy)} {f.status === 'recorded' ? <Countdown deadline={f.acknowledgeBy} /> : null}
            </dd>
          </>
        ) : null}
        {f.dueAt ? (
          <>
            <dt>{t('finding.dueAt')}</dt>
            <dd>
              {dayDate(f.dueAt)} {['acknowledged', 'in_remediation'].includes(f.status) ? <Countdown deadline={f.dueAt} /> : null}
            </dd>
          </>
        ) : null}
        {f.escalationLevel ? (
          <>
            <dt>{t('finding.escalation', { level: '' })}</dt>
            <dd>{f.escalationLevel}</dd>
          </>
        ) : null}
        <dt>{t('finding.officials')}</dt>
        <dd>{f.responsibleOfficialIds.map((o) => org.officialName(o)).join(', ') || t('common.none')}</dd>
      </dl>
      <p className="description">{f.description}</p>
      <EvidenceList items={f.evidence} />
      {f.dispute ? (
        <section>
          <h2>{t('finding.dispute')}</h2>
          <p>{f.dispute.reason}</p>
        </section>
      ) : null}
      {f.plan ? (
        <section>
          <h2>{t('finding.plan')}</h2>
          <ul>
            {f.plan.actions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
          <p>{t('finding.planTarget', { date: date(f.plan.targetDate) })}</p>
        </section>
      ) : null}
      {f.remediationEvidence.length ? (
        <section>
          <h2>{t('finding.remediationEvidence')}</h2>
          {f.remediationEvidence.map((r, index) => (
            <div key={index}>
              <p>{r.description}</p>
              <EvidenceList items={r.attachments} />
            </div>
          ))}
        </section>
      ) : null}
      {f.lastVerification ? (
        <section>
          <h2>{t('finding.lastVerification')}</h2>
          <p>
            {f.lastVerification.accepted ? t('finding.accepted') : t('finding.rejected')}
            {f.lastVerification.comment ? ` — ${f.lastVerification.comment}` : ''}
          </p>
        </section>
      ) : null}
      {/* A command answers with the finding as written: fresher than the read model. */}
      <FindingActions finding={f} onDone={finding.setData} onConflict={finding.reload} />
      <section aria-labelledby="finding-timeline">
        <h2 id="finding-timeline">{t('finding.timeline')}</h2>
        {events.data ? <Timeline events={events.data} /> : <p>{t('common.loading')}</p>}
      </section>
    </>
  );
}
