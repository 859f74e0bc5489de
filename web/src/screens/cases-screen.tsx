import { useState, type FormEvent } from 'react';
import { api, query } from '../api/client';
import { CASE_STATUSES, type DisciplinaryCase } from '../api/cases';
import { ApiError } from '../api/problem';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link, useRouter } from '../router';
import { Field, FormAlert, Notice } from '../ui/field';
import { Pager } from '../ui/pager';
import { problemText } from '../ui/problem-text';
import { useForm } from '../ui/use-form';
import { useLoad } from '../ui/use-load';

const PAGE_SIZE = 20;

/** Disciplinary cases: filter by status and unit, paged; the board secretary opens one. */
export function CasesScreen() {
  const i18n = useI18n();
  const { t, tx, date } = i18n;
  const org = useOrg();
  const { session } = useSession();
  const [status, setStatus] = useState('');
  const [unitId, setUnitId] = useState('');
  const [page, setPage] = useState(1);
  const cases = useLoad(() => api<{ items: DisciplinaryCase[] }>(`cases${query({ status, unitId })}`), [status, unitId]);
  const forbidden = cases.error instanceof ApiError && cases.error.status === 403;
  const items = cases.data?.items ?? [];
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <h1>{t('cases.title')}</h1>
      <p>
        <Link to="/board">{t('cases.toHistory')}</Link>
      </p>
      {session?.role === 'board_secretary' ? <OpenCaseForm /> : null}
      {forbidden ? <OpenById /> : null}
      {!forbidden && (
        <>
          <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filter')}>
            <Field label={t('cases.status')}>
              <select value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }}>
                <option value="">{t('common.all')}</option>
                {CASE_STATUSES.map((s) => <option key={s} value={s}>{tx(`caseStatus.${s}`, s)}</option>)}
              </select>
            </Field>
            <Field label={t('finding.unit')}>
              <select value={unitId} onChange={(e) => { setUnitId(e.target.value); setPage(1); }}>
                <option value="">{t('common.all')}</option>
                {org.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </Field>
          </form>
          {cases.error ? <FormAlert message={problemText(cases.error, i18n)} /> : null}
          {cases.loading ? <p>{t('common.loading')}</p> : null}
          {cases.data && items.length === 0 ? <Notice>{t('cases.none')}</Notice> : null}
          {shown.length ? (
            <div className="table-wrap">
              <table data-testid="case-list">
                <caption className="visually-hidden">{t('cases.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.subject')}</th>
                    <th scope="col">{t('finding.unit')}</th>
                    <th scope="col">{t('cases.summary')}</th>
                    <th scope="col">{t('cases.status')}</th>
                    <th scope="col">{t('cases.opened')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => (
                    <tr key={c.id}>
                      <td><Link to={`/board/cases/${c.id}`}>{org.officialName(c.subject.officialId) || c.subject.officialId}</Link></td>
                      <td>{org.unitName(c.subject.unitId)}</td>
                      <td>{c.summary}</td>
                      <td><span className={`badge badge--${c.status}`}>{tx(`caseStatus.${c.status}`, c.status)}</span></td>
                      <td>{date(c.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pager page={page} pageSize={PAGE_SIZE} total={items.length} onPage={setPage} />
        </>
      )}
    </>
  );
}

/** The subject may read their own case but not the list: open it by its id. */
function OpenById() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [id, setId] = useState('');
  const [error, setError] = useState<string[] | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^[0-9a-f-]{36}$/i.test(id.trim())) return setError([t('error.invalid', { field: t('cases.id') })]);
    navigate(`/board/cases/${id.trim()}`);
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label={t('cases.openById')}>
      <Notice>{t('cases.subjectOnly')}</Notice>
      <Field label={t('cases.id')} errors={error} required>
        <input value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" />
      </Field>
      <button type="submit">{t('common.open')}</button>
    </form>
  );
}

function OpenCaseForm() {
  const { t } = useI18n();
  const org = useOrg();
  const { navigate } = useRouter();
  const form = useForm({ subjectOfficialId: '', subjectKind: 'official', summary: '' });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const opened = await form.submit(
      (v) => ({
        ...(v.subjectOfficialId ? {} : { subjectOfficialId: [t('error.fieldRequired')] }),
        ...(v.summary.trim() ? {} : { summary: [t('error.fieldRequired')] }),
      }),
      (v, key) => api<DisciplinaryCase>('cases', { idempotencyKey: key, body: { subjectOfficialId: v.subjectOfficialId, subjectKind: v.subjectKind, summary: v.summary.trim() } }),
    );
    if (opened) navigate(`/board/cases/${opened.id}`);
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label={t('cases.open')}>
      <h2>{t('cases.open')}</h2>
      <FormAlert message={form.alert} />
      <Field label={t('cases.subject')} errors={form.errors.subjectOfficialId} required>
        <select value={form.values.subjectOfficialId} onChange={(e) => form.set('subjectOfficialId', e.target.value)}>
          <option value="">—</option>
          {org.officials.map((o) => <option key={o.id} value={o.id}>{o.fullName} — {o.position}</option>)}
        </select>
      </Field>
      <Field label={t('cases.subjectKind')} errors={form.errors.subjectKind}>
        <select value={form.values.subjectKind} onChange={(e) => form.set('subjectKind', e.target.value)}>
          <option value="official">{t('subjectKind.official')}</option>
          <option value="unit_head">{t('subjectKind.unit_head')}</option>
        </select>
      </Field>
      <Field label={t('cases.summary')} errors={form.errors.summary} required>
        <textarea rows={3} value={form.values.summary} onChange={(e) => form.set('summary', e.target.value)} />
      </Field>
      <button type="submit" disabled={form.busy}>{t('cases.open')}</button>
    </form>
  );
}
