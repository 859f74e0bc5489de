import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field, FormAlert, Notice } from '../ui/field';
import { useForm, type FieldErrors } from '../ui/use-form';
import { useLoad } from '../ui/use-load';

interface Dated { date: string; reason: string }
interface CalendarYear {
  year: number;
  basis: string;
  daysOff: { date: string; kind: string; nameVi: string; nameEn: string; source: string; reason: string | null }[];
  workingDays: { date: string; kind: string; nameVi: string; nameEn: string; reason: string | null }[];
  workingDaysInYear: number;
  overrides: { daysOff: Dated[]; workingDays: Dated[] };
}
type ListName = 'daysOff' | 'workingDays';

/** GET /calendar/:year and PUT /calendar/:year/overrides: the year's days off and the administrator's overrides. */
export function CalendarForm() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const loaded = useLoad(() => api<CalendarYear>(`calendar/${year}`), [year]);
  return (
    <section className="card" aria-labelledby="admin-calendar">
      <h2 id="admin-calendar">{t('admin.calendar')}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('admin.calendarYear')}>
        <Field label={t('admin.calendarYear')}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[-1, 0, 1].map((d) => { const y = new Date().getFullYear() + d; return <option key={y} value={y}>{y}</option>; })}
          </select>
        </Field>
      </form>
      {loaded.data ? <CalendarYearView key={`${year}-${JSON.stringify(loaded.data.overrides)}`} calendar={loaded.data} onSaved={loaded.setData} /> : <p>{t('common.loading')}</p>}
    </section>
  );
}

function CalendarYearView({ calendar, onSaved }: { calendar: CalendarYear; onSaved(c: CalendarYear): void }) {
  const { t, tx, lang, dayDate } = useI18n();
  const form = useForm<{ daysOff: Dated[]; workingDays: Dated[] }>({ daysOff: calendar.overrides.daysOff, workingDays: calendar.overrides.workingDays });
  const [saved, setSaved] = useState(false);

  function validate(v: typeof form.values): FieldErrors {
    const errors: FieldErrors = {};
    for (const list of ['daysOff', 'workingDays'] as const) {
      const problems: string[] = [];
      v[list].forEach((d, i) => {
        if (!d.date.startsWith(`${calendar.year}-`)) problems.push(t('admin.dateInYear', { n: i + 1, year: calendar.year }));
        if (!d.reason.trim()) problems.push(t('admin.reasonRequired', { n: i + 1 }));
      });
      if (problems.length) errors[list] = problems;
    }
    return errors;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const result = await form.submit(validate, (v, key) =>
      api<CalendarYear>(`calendar/${calendar.year}/overrides`, {
        method: 'PUT',
        idempotencyKey: key,
        body: { daysOff: v.daysOff.map((d) => ({ date: d.date, reason: d.reason.trim() })), workingDays: v.workingDays.map((d) => ({ date: d.date, reason: d.reason.trim() })) },
      }),
    );
    if (result) {
      setSaved(true);
      onSaved(result);
    }
  };

  const list = (name: ListName) => {
    const rows = form.values[name];
    const set = (next: Dated[]) => form.set(name, next);
    const label = t(name === 'daysOff' ? 'admin.extraDaysOff' : 'admin.extraWorkingDays');
    return (
      <fieldset aria-invalid={form.errors[name]?.length ? true : undefined}>
        <legend>{label}</legend>
        {rows.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
        {rows.map((d, i) => (
          <div key={i} className="filters">
            <Field label={t('admin.date', { n: i + 1 })} required>
              <input type="date" value={d.date} onChange={(x) => set(rows.map((r, j) => (j === i ? { ...r, date: x.target.value } : r)))} />
            </Field>
            <Field label={t('admin.reason', { n: i + 1 })} required>
              <input value={d.reason} onChange={(x) => set(rows.map((r, j) => (j === i ? { ...r, reason: x.target.value } : r)))} />
            </Field>
            <button type="button" onClick={() => set(rows.filter((_, j) => j !== i))} aria-label={t('admin.removeDate', { list: label, n: i + 1 })}>
              {t('admin.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set([...rows, { date: '', reason: '' }])}>{t('admin.addDate', { list: label })}</button>
        {form.errors[name]?.length ? <p className="error" role="alert" data-field-error="">{form.errors[name].join(' ')}</p> : null}
      </fieldset>
    );
  };

  return (
    <>
      <p className="muted">{t('admin.calendarSummary', { n: calendar.workingDaysInYear, basis: tx(`calendarBasis.${calendar.basis}`, calendar.basis) })}</p>
      <div className="table-wrap">
        <table data-testid="calendar-days-off">
          <caption>{t('admin.daysOffOfYear', { year: calendar.year })}</caption>
          <thead><tr><th scope="col">{t('admin.day')}</th><th scope="col">{t('admin.dayName')}</th><th scope="col">{t('admin.dayKind')}</th></tr></thead>
          <tbody>
            {calendar.daysOff.map((d) => (
              <tr key={d.date}><td>{dayDate(d.date)}</td><td>{d.reason ?? (lang === 'vi' ? d.nameVi : d.nameEn)}</td><td>{tx(`dayKind.${d.kind}`, d.kind)}</td></tr>
            ))}
            {calendar.workingDays.map((d) => (
              <tr key={`w-${d.date}`}><td>{dayDate(d.date)}</td><td>{d.reason ?? (lang === 'vi' ? d.nameVi : d.nameEn)}</td><td>{t('admin.workingDay')}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={onSubmit} noValidate aria-label={t('admin.overrides')}>
        <h3>{t('admin.overrides')}</h3>
        {saved ? <Notice tone="success">{t('common.saved')}</Notice> : null}
        <FormAlert message={form.alert} />
        {list('daysOff')}
        {list('workingDays')}
        <button type="submit" disabled={form.busy}>{t('admin.saveOverrides')}</button>
      </form>
    </>
  );
}
