import { useState, type FormEvent } from 'react';
import { api, query, type Page } from '../api/client';
import { INSPECTION_KINDS, type Inspection } from '../api/types';
import { useSession } from '../auth/session';
import { fromVietnamLocalInput, toVietnamLocalInput } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link, useRouter } from '../router';
import { Field, FormAlert } from '../ui/field';
import { Pager } from '../ui/pager';
import { useForm, type FieldErrors } from '../ui/use-form';
import { useLoad } from '../ui/use-load';

/** Inspector home: open an inspection, then the (paged) list of inspections. */
export function InspectionsScreen() {
  const { t, tx, date } = useI18n();
  const { session } = useSession();
  const org = useOrg();
  const [page, setPage] = useState(1);
  const list = useLoad(() => api<Page<Inspection>>(`inspections${query({ page, pageSize: 10 })}`), [page]);
  const mayOpen = session?.role === 'inspector' || session?.role === 'team_lead';
  return (
    <>
      <h1>{t('inspection.list')}</h1>
      {mayOpen ? <OpenInspectionForm /> : null}
      <section aria-labelledby="inspection-list">
        <h2 id="inspection-list">{t('inspection.list')}</h2>
        {list.loading && !list.data ? <p>{t('common.loading')}</p> : null}
        {list.data && list.data.items.length === 0 ? <p>{t('inspection.none')}</p> : null}
        <ul className="cards">
          {list.data?.items.map((i) => (
            <li key={i.id} className="card">
              <Link to={`/inspections/${i.id}`}>{t('inspection.title', { kind: tx(`inspection.kind.${i.kind}`, i.kind), unit: org.unitName(i.unitId) })}</Link>
              <p className="muted">
                {date(i.startedAt)} · {tx(`inspection.status.${i.status}`, i.status)} · {org.unitName(i.teamId)}
              </p>
            </li>
          ))}
        </ul>
        {list.data ? <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} /> : null}
      </section>
    </>
  );
}

function OpenInspectionForm() {
  const { t, tx } = useI18n();
  const { session } = useSession();
  const { navigate } = useRouter();
  const org = useOrg();
  const myTeam = org.officials.find((o) => o.id === session?.sub)?.unitId;
  const teams = org.units.filter((u) => u.kind === 'inspection_team');
  const inspectable = org.units.filter((u) => u.kind !== 'inspection_team');
  const form = useForm({ kind: 'surprise', unitId: '', teamId: '', startedAt: toVietnamLocalInput(new Date()) });
  const teamId = form.values.teamId || myTeam || teams[0]?.id || '';

  const validate = (v: typeof form.values): FieldErrors => {
    const errors: FieldErrors = {};
    if (!v.unitId) errors.unitId = [t('error.required', { field: t('inspection.unit') })];
    const iso = fromVietnamLocalInput(v.startedAt);
    if (!iso) errors.startedAt = [t('error.invalid', { field: t('inspection.startedAt') })];
    else if (new Date(iso).getTime() > Date.now() + 60_000) errors.startedAt = [t('error.future', { field: t('inspection.startedAt') })];
    return errors;
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const created = await form.submit(validate, (v, key) =>
      api<Inspection>('inspections', {
        idempotencyKey: key,
        body: { kind: v.kind, unitId: v.unitId, teamId, startedAt: fromVietnamLocalInput(v.startedAt) },
      }),
    );
    if (created) navigate(`/inspections/${created.id}`);
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="open-inspection">
      <h2 id="open-inspection">{t('inspection.open')}</h2>
      <FormAlert message={form.alert} />
      <Field label={t('inspection.kind')} errors={form.errors.kind} required>
        <select value={form.values.kind} onChange={(e) => form.set('kind', e.target.value)}>
          {INSPECTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {tx(`inspection.kind.${k}`, k)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('inspection.unit')} errors={form.errors.unitId} required>
        <select value={form.values.unitId} onChange={(e) => form.set('unitId', e.target.value)}>
          <option value="">—</option>
          {inspectable.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('inspection.team')} errors={form.errors.teamId} required>
        <select value={teamId} onChange={(e) => form.set('teamId', e.target.value)}>
          {teams.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('inspection.startedAt')} errors={form.errors.startedAt} required>
        <input type="datetime-local" value={form.values.startedAt} onChange={(e) => form.set('startedAt', e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('inspection.open')}
      </button>
    </form>
  );
}
