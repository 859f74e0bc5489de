import { useState } from 'react';
import { vietnamDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Field, FormAlert } from '../ui/field';
import { problemText } from '../ui/problem-text';
import { useLoad } from '../ui/use-load';
import { DashboardReports } from './dashboard-reports';
import { loadDashboard, type DashboardFilter } from './dashboard-data';

function defaultFilter(): DashboardFilter {
  const today = vietnamDate(new Date());
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // Twelve months up to today, from the first of the month.
  const fromYear = month === 12 ? year : year - 1;
  const fromMonth = month === 12 ? 1 : month + 1;
  return { from: `${fromYear}-${String(fromMonth).padStart(2, '0')}-01`, to: today, unitId: '' };
}

/** Every report under /api/v1/reports as charts and tables, filtered by period and unit. */
export function DashboardScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const org = useOrg();
  const [draft, setDraft] = useState<DashboardFilter>(defaultFilter);
  const [filter, setFilter] = useState<DashboardFilter>(draft);
  const [errors, setErrors] = useState<{ from?: string[]; to?: string[] }>({});
  const data = useLoad(() => loadDashboard(filter), [filter.from, filter.to, filter.unitId]);

  const apply = (next: DashboardFilter) => {
    const problems: typeof errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(next.from)) problems.from = [t('error.invalid', { field: t('dashboard.from') })];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(next.to)) problems.to = [t('error.invalid', { field: t('dashboard.to') })];
    else if (next.from > next.to) problems.to = [t('dashboard.toBeforeFrom')];
    setErrors(problems);
    if (!problems.from && !problems.to) setFilter(next);
  };

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <form
        className="filters card"
        aria-label={t('dashboard.filters')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <Field label={t('dashboard.from')} errors={errors.from}>
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field label={t('dashboard.to')} errors={errors.to}>
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <Field label={t('finding.unit')}>
          <select
            value={draft.unitId}
            onChange={(e) => {
              const next = { ...draft, unitId: e.target.value };
              setDraft(next);
              apply(next);
            }}
          >
            <option value="">{t('common.all')}</option>
            {org.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('common.filter')}</button>
      </form>
      {data.error ? <FormAlert message={problemText(data.error, i18n)} /> : null}
      {data.data ? <DashboardReports data={data.data} /> : !data.error ? <p>{t('common.loading')}</p> : null}
    </>
  );
}
