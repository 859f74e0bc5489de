import { useState } from 'react';
import { api, probe, query, type Page } from '../api/client';
import { FINDING_SEVERITIES, FINDING_STATUSES, type Finding } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Field, Notice } from '../ui/field';
import { useLoad } from '../ui/use-load';

function Bars({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <section className="card">
      <h2>{title}</h2>
      <table className="bars">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t('dashboard.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>
                <span className="bar" style={{ width: `${(r.value / max) * 100}%` }} aria-hidden="true" />
                {r.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Counts by status and severity (from the list API's totals), filterable by unit; /reports when present. */
export function DashboardScreen() {
  const { t, tx } = useI18n();
  const org = useOrg();
  const [unitId, setUnitId] = useState('');
  const count = (filter: Record<string, string>) => api<Page<Finding>>(`findings${query({ ...filter, unitId, pageSize: 1 })}`).then((p) => p.total);
  const stats = useLoad(
    async () => ({
      byStatus: await Promise.all(FINDING_STATUSES.map(async (s) => ({ label: tx(`status.${s}`, s), value: await count({ status: s }) }))),
      bySeverity: await Promise.all(FINDING_SEVERITIES.map(async (s) => ({ label: tx(`severity.${s}`, s), value: await count({ severity: s }) }))),
    }),
    [unitId, t],
  );
  const reports = useLoad(() => probe<unknown>(`reports/findings${query({ unitId })}`).catch(() => null), [unitId]);
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('finding.unit')}>
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {org.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
      </form>
      {stats.data ? (
        <div className="grid">
          <Bars title={t('dashboard.byStatus')} rows={stats.data.byStatus} />
          <Bars title={t('dashboard.bySeverity')} rows={stats.data.bySeverity} />
        </div>
      ) : (
        <p>{t('common.loading')}</p>
      )}
      <section aria-labelledby="reports">
        <h2 id="reports">{t('dashboard.reports')}</h2>
        {reports.loading ? <p>{t('common.loading')}</p> : reports.data ? <pre className="raw">{JSON.stringify(reports.data, null, 2)}</pre> : <Notice>{t('common.notAvailable', { path: '/api/v1/reports' })}</Notice>}
      </section>
    </>
  );
}
