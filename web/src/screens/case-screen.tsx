import { api } from '../api/client';
import type { CaseDecision, CaseEvent, DisciplinaryCase } from '../api/cases';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link } from '../router';
import { FormAlert } from '../ui/field';
import { problemText } from '../ui/problem-text';
import { Timeline, type TimelineEntry } from '../ui/timeline';
import { useLoad } from '../ui/use-load';
import { CaseActions } from './case-actions';

function toEntry(caseId: string, e: CaseEvent): TimelineEntry {
  return { id: `case-${caseId}-${e.version}`, type: e.type, streamId: `case-${caseId}`, version: e.version, occurredAt: e.occurredAt, recordedAt: e.recordedAt, data: e.data, metadata: e.metadata, hash: '' };
}

/** A case: subject, grounds, explanation, hearing, votes, decision, appeal, execution; actions; its timeline. */
export function CaseScreen({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, tx, date, dateTime } = i18n;
  const org = useOrg();
  const loaded = useLoad(() => api<DisciplinaryCase>(`cases/${id}`), [id]);
  const events = useLoad(() => api<CaseEvent[]>(`cases/${id}/events`), [id, loaded.data?.version]);
  if (loaded.error) return <><h1>{t('cases.case')}</h1><FormAlert message={problemText(loaded.error, i18n)} /></>;
  const c = loaded.data;
  if (!c) return <p>{t('common.loading')}</p>;
  const name = (officialId: string | null | undefined) => (officialId ? org.officialName(officialId) || officialId : t('common.none'));
  const tally = new Map<string, number>();
  for (const v of c.votes) tally.set(v.decisionKind, (tally.get(v.decisionKind) ?? 0) + 1);
  return (
    <>
      <h1>{t('cases.caseOf', { name: name(c.subject.officialId) })}</h1>
      <p>
        <Link to="/board/cases">{t('cases.title')}</Link> · <Link to={`/board/officials/${c.subject.officialId}`}>{t('cases.history', { name: name(c.subject.officialId) })}</Link>
      </p>
      <section className="card" aria-labelledby="case-facts">
        <h2 id="case-facts">{t('cases.facts')}</h2>
        <dl className="facts">
          <dt>{t('cases.status')}</dt>
          <dd><span className={`badge badge--${c.status}`}>{tx(`caseStatus.${c.status}`, c.status)}</span>{c.round > 0 ? ` · ${t('cases.round', { n: c.round })}` : ''}</dd>
          <dt>{t('cases.subject')}</dt>
          <dd>{name(c.subject.officialId)} ({tx(`subjectKind.${c.subject.kind}`, c.subject.kind)}), {org.unitName(c.subject.unitId)}</dd>
          <dt>{t('cases.origin')}</dt>
          <dd>{c.origin.kind === 'referral' ? tx(`rule.${c.origin.rule}`, c.origin.rule) : t('cases.manual')}</dd>
          <dt>{t('cases.summary')}</dt>
          <dd>{c.summary}</dd>
          <dt>{t('cases.explanationDue')}</dt>
          <dd>{date(c.explanationDueDate)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="case-grounds">
        <h2 id="case-grounds">{t('cases.grounds')}</h2>
        {c.grounds.length === 0 ? <p>{t('common.none')}</p> : (
          <ul>
            {c.grounds.map((g) => (
              <li key={g.id} className={g.withdrawn ? 'withdrawn' : undefined}>
                {tx(`groundKind.${g.kind}`, g.kind)}: {g.kind === 'finding' ? <Link to={`/findings/${g.sourceId}`}>{g.note || g.sourceId}</Link> : g.note || g.sourceId}
                {g.withdrawn ? <> — <strong>{t('cases.withdrawn')}</strong>{g.withdrawalReason ? `: ${g.withdrawalReason}` : ''}</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="case-explanation">
        <h2 id="case-explanation">{t('cases.explanation')}</h2>
        {c.explanations.length === 0 ? <p>{t('cases.noExplanation')}</p> : c.explanations.map((e) => <blockquote key={e.round}>{c.round > 0 ? `${t('cases.round', { n: e.round })}: ` : ''}{e.text}</blockquote>)}
      </section>
      <section className="card" aria-labelledby="case-hearing">
        <h2 id="case-hearing">{t('cases.hearing')}</h2>
        {!c.hearing ? <p>{t('cases.noHearing')}</p> : (
          <dl className="facts">
            <dt>{t('cases.scheduledAt')}</dt><dd>{dateTime(c.hearing.scheduledAt)}</dd>
            <dt>{t('cases.location')}</dt><dd>{c.hearing.location}</dd>
            <dt>{t('cases.heldAt')}</dt><dd>{c.hearing.heldAt ? dateTime(c.hearing.heldAt) : t('cases.notYet')}</dd>
            {c.hearing.attendeeIds.length ? <><dt>{t('cases.attendees')}</dt><dd>{c.hearing.attendeeIds.map(name).join(', ')}</dd></> : null}
            {c.hearing.minutes ? <><dt>{t('cases.minutes')}</dt><dd>{c.hearing.minutes}</dd></> : null}
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="case-votes">
        <h2 id="case-votes">{t('cases.votes', { n: c.votes.length })}</h2>
        {c.votes.length === 0 ? <p>{t('cases.noVotes')}</p> : (
          <table data-testid="case-votes">
            <thead><tr><th scope="col">{t('cases.decisionKind')}</th><th scope="col">{t('dashboard.count')}</th></tr></thead>
            <tbody>{[...tally].map(([kind, n]) => <tr key={kind}><th scope="row">{tx(`decisionKind.${kind}`, kind)}</th><td>{n}</td></tr>)}</tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="case-decision">
        <h2 id="case-decision">{t('cases.decision')}</h2>
        {c.decision ? <DecisionFacts decision={c.decision} /> : <p>{t('cases.noDecision')}</p>}
        {c.appealedDecisions.map((a, index) => (
          <div key={index}>
            <h3>{t('cases.appealed')}</h3>
            <DecisionFacts decision={a.decision} />
            <p>{t('cases.appealReason')}: {a.reason}</p>
          </div>
        ))}
      </section>
      <section className="card" aria-labelledby="case-execution">
        <h2 id="case-execution">{t('cases.execution')}</h2>
        <p>{c.status === 'executed' ? t('cases.executed') : c.status === 'executing' ? t('cases.executing') : c.decision ? t('cases.executesOn', { date: date(c.decision.executesOn) }) : t('cases.notYet')}</p>
        {c.executionSteps?.length ? <ul>{c.executionSteps.map((s) => <li key={s.id}>{tx(`step.${s.kind}`, s.kind)}</li>)}</ul> : null}
        {c.executionNotes.length ? <ul>{c.executionNotes.map((n, i) => <li key={i}>{n}</li>)}</ul> : null}
      </section>
      <CaseActions kase={c} onChanged={loaded.reload} />
      <section aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t('cases.timeline')}</h2>
        {events.error ? <FormAlert message={problemText(events.error, i18n)} /> : null}
        {events.data ? <Timeline events={events.data.map((e) => toEntry(c.id, e))} /> : <p>{t('common.loading')}</p>}
      </section>
    </>
  );
}

function DecisionFacts({ decision: d }: { decision: CaseDecision }) {
  const { t, tx, date } = useI18n();
  const org = useOrg();
  return (
    <dl className="facts">
      <dt>{t('cases.decisionKind')}</dt><dd>{tx(`decisionKind.${d.kind}`, d.kind)}</dd>
      <dt>{t('cases.reasons')}</dt><dd>{d.reasons}</dd>
      <dt>{t('cases.votesFor')}</dt><dd>{d.votesFor}/{d.votesCast}</dd>
      <dt>{t('cases.decidedOn')}</dt><dd>{date(d.decidedOn)}</dd>
      <dt>{t('cases.effectiveDate')}</dt><dd>{date(d.effectiveDate)}</dd>
      <dt>{t('cases.appealDeadline')}</dt><dd>{date(d.appealDeadline)}</dd>
      {d.successorOfficialId ? <><dt>{t('cases.successor')}</dt><dd>{org.officialName(d.successorOfficialId)}</dd></> : null}
      {d.transferTo ? <><dt>{t('cases.transferTo')}</dt><dd>{d.transferTo.position}, {org.unitName(d.transferTo.unitId)}</dd></> : null}
    </dl>
  );
}
