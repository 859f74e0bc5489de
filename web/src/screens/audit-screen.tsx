import { useState } from 'react';
import { api, query } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormAlert, Notice } from '../ui/field';
import { problemText } from '../ui/problem-text';
import { useLoad } from '../ui/use-load';

interface Issue { kind: string; position: string | null; streamId?: string; version?: number; eventId?: string; detail: string }
interface Verification {
  status: 'ok' | 'broken';
  checkedAt: string;
  durationMs: number;
  eventsChecked: number;
  streamsChecked: number;
  witnessedEvents: number;
  checkpointsChecked: number;
  lastCheckpoint: { eventCount: string; position: string; chainHash: string; createdAt: string; keyId: string } | null;
  firstBroken: Issue | null;
  issueCount: number;
  issues: Issue[];
}
interface Checkpoint { eventCount: string; position: string; transactionId: string; chainHash: string; createdAt: string; keyId: string; algorithm: string; signature: string }

const short = (hash: string) => `${hash.slice(0, 16)}…`;
const PAGE = 20;

/** Auditor: chain verification (GET /audit/verification) and signed checkpoints (GET /audit/checkpoints), as tables. */
export function AuditScreen() {
  const i18n = useI18n();
  const { t, tx, dateTime } = i18n;
  const verification = useLoad(() => api<Verification>('audit/verification'), []);
  const [before, setBefore] = useState<string[]>([]);
  const cursor = before.at(-1);
  const checkpoints = useLoad(() => api<Checkpoint[]>(`audit/checkpoints${query({ limit: PAGE, before: cursor })}`), [cursor]);
  const v = verification.data;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <section className="card" aria-labelledby="audit-chain">
        <h2 id="audit-chain">{t('audit.chain')}</h2>
        {verification.error ? <FormAlert message={problemText(verification.error, i18n)} /> : null}
        {!v && !verification.error ? <p>{t('common.loading')}</p> : null}
        {v ? (
          <>
            {v.status === 'ok' ? <Notice tone="success">{t('audit.ok')}</Notice> : <div role="alert" className="alert alert--error">{t('audit.broken', { n: v.issueCount })}</div>}
            <table data-testid="verification">
              <caption className="visually-hidden">{t('audit.chain')}</caption>
              <tbody>
                <tr><th scope="row">{t('audit.status')}</th><td>{t(v.status === 'ok' ? 'audit.statusOk' : 'audit.statusBroken')}</td></tr>
                <tr><th scope="row">{t('audit.checkedAt')}</th><td>{dateTime(v.checkedAt)}</td></tr>
                <tr><th scope="row">{t('audit.events')}</th><td>{v.eventsChecked}</td></tr>
                <tr><th scope="row">{t('audit.streams')}</th><td>{v.streamsChecked}</td></tr>
                <tr><th scope="row">{t('audit.witnessed')}</th><td>{v.witnessedEvents}</td></tr>
                <tr><th scope="row">{t('audit.checkpointsChecked')}</th><td>{v.checkpointsChecked}</td></tr>
                <tr><th scope="row">{t('audit.lastCheckpoint')}</th><td>{v.lastCheckpoint ? t('audit.lastCheckpointText', { n: v.lastCheckpoint.eventCount, at: dateTime(v.lastCheckpoint.createdAt) }) : t('common.none')}</td></tr>
                <tr><th scope="row">{t('audit.duration')}</th><td>{t('audit.ms', { n: v.durationMs })}</td></tr>
              </tbody>
            </table>
            {v.issues.length ? (
              <div className="table-wrap">
                <table data-testid="verification-issues">
                  <caption>{t('audit.issues')}</caption>
                  <thead><tr><th scope="col">{t('audit.position')}</th><th scope="col">{t('audit.kind')}</th><th scope="col">{t('audit.stream')}</th><th scope="col">{t('audit.detail')}</th></tr></thead>
                  <tbody>
                    {v.issues.map((i, n) => (
                      <tr key={n}><td>{i.position ?? '—'}</td><td>{tx(`issue.${i.kind}`, i.kind)}</td><td>{i.streamId ? `${i.streamId}${i.version ? ` #${i.version}` : ''}` : '—'}</td><td>{i.detail}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <button type="button" onClick={verification.reload} disabled={verification.loading}>{t('audit.verifyAgain')}</button>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="audit-checkpoints">
        <h2 id="audit-checkpoints">{t('audit.checkpoints')}</h2>
        {checkpoints.error ? <FormAlert message={problemText(checkpoints.error, i18n)} /> : null}
        {checkpoints.data && checkpoints.data.length === 0 ? <p>{t('audit.noCheckpoints')}</p> : null}
        {checkpoints.data?.length ? (
          <div className="table-wrap">
            <table data-testid="checkpoints">
              <caption className="visually-hidden">{t('audit.checkpoints')}</caption>
              <thead><tr><th scope="col">{t('audit.createdAt')}</th><th scope="col">{t('audit.events')}</th><th scope="col">{t('audit.position')}</th><th scope="col">{t('audit.chainHash')}</th><th scope="col">{t('audit.key')}</th></tr></thead>
              <tbody>
                {checkpoints.data.map((c) => (
                  <tr key={c.eventCount}><td>{dateTime(c.createdAt)}</td><td>{c.eventCount}</td><td>{c.position}</td><td><code title={c.chainHash}>{short(c.chainHash)}</code></td><td>{c.keyId} ({c.algorithm})</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <nav className="pager" aria-label={t('common.pagination')}>
          <button type="button" disabled={before.length === 0} onClick={() => setBefore(before.slice(0, -1))}>{t('audit.newer')}</button>
          <button type="button" disabled={!checkpoints.data || checkpoints.data.length < PAGE} onClick={() => checkpoints.data && setBefore([...before, checkpoints.data.at(-1)!.eventCount])}>{t('audit.older')}</button>
        </nav>
      </section>
    </>
  );
}
