import { useState, type ReactNode } from 'react';
import { FINDING_CATEGORIES, FINDING_SEVERITIES } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link } from '../router';
import { BarChart, LineChart } from '../ui/charts';
import { Pager } from '../ui/pager';
import type { Dashboard } from './dashboard-data';

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id} data-report={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A two-column figures table: label, count. */
function CountTable({ caption, label, rows }: { caption: string; label: string; rows: { label: string; value: number | string }[] }) {
  const { t } = useI18n();
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">{label}</th><th scope="col">{t('dashboard.count')}</th></tr></thead>
      <tbody>{rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td>{r.value}</td></tr>)}</tbody>
    </table>
  );
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));
const TTC_PAGE = 10;

export function DashboardReports({ data }: { data: Dashboard }) {
  const { t, tx, date } = useI18n();
  const org = useOrg();
  const [ttcPage, setTtcPage] = useState(1);

  const kinds = data.inspections.rows.filter((r) => r.dimension === 'inspection_kind').map((r) => ({ label: tx(`inspection.kind.${r.value}`, r.value), value: r.inspections }));
  const unitKinds = data.inspections.rows.filter((r) => r.dimension === 'unit_kind');
  const sum = (pick: (r: Dashboard['findings']['rows'][number]) => boolean) => data.findings.rows.filter(pick).reduce((n, r) => n + r.findings, 0);
  const categories = [...new Set([...FINDING_CATEGORIES, ...data.findings.rows.map((r) => r.category)])];
  const byCategory = categories.map((c) => ({ label: tx(`category.${c}`, c), value: sum((r) => r.category === c) }));
  const bySeverity = FINDING_SEVERITIES.map((s) => ({ label: tx(`severity.${s}`, s), value: sum((r) => r.severity === s) }));
  const status = (['open', 'overdue', 'closed', 'withdrawn'] as const).map((s) => ({ label: t(`dashboard.status.${s}`), value: data.status.summary[s] }));
  const ttc = data.timeToClose;
  return (
    <div className="grid">
      <Card id="report-inspections" title={t('dashboard.inspectionsByKind')}>
        <p className="muted">{t('dashboard.inspectionsTotal', { n: data.inspections.summary.inspections, units: data.inspections.summary.units })}</p>
        <BarChart title={t('dashboard.inspectionsByKind')} data={kinds} />
        <CountTable caption={t('dashboard.inspectionsByKind')} label={t('inspection.kind')} rows={kinds} />
        {unitKinds.length ? <CountTable caption={t('dashboard.byUnitKind')} label={t('dashboard.byUnitKind')} rows={unitKinds.map((r) => ({ label: tx(`unitKind.${r.value}`, r.value), value: r.inspections }))} /> : null}
      </Card>
      <Card id="report-status" title={t('dashboard.byStatus')}>
        <BarChart title={t('dashboard.byStatus')} data={status} />
        <CountTable caption={t('dashboard.byStatus')} label={t('finding.status')} rows={[...status, { label: t('dashboard.status.total'), value: data.status.summary.total }]} />
      </Card>
      <Card id="report-category" title={t('dashboard.byCategory')}>
        <BarChart title={t('dashboard.byCategory')} data={byCategory} />
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('dashboard.byCategoryAndSeverity')}</caption>
            <thead>
              <tr><th scope="col">{t('finding.category')}</th>{FINDING_SEVERITIES.map((s) => <th key={s} scope="col">{tx(`severity.${s}`, s)}</th>)}<th scope="col">{t('dashboard.status.total')}</th></tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}><th scope="row">{byCategory[i].label}</th>{FINDING_SEVERITIES.map((s) => <td key={s}>{sum((r) => r.category === c && r.severity === s)}</td>)}<td>{byCategory[i].value}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card id="report-severity" title={t('dashboard.bySeverity')}>
        <BarChart title={t('dashboard.bySeverity')} data={bySeverity} />
        <CountTable caption={t('dashboard.bySeverity')} label={t('finding.severity')} rows={bySeverity} />
      </Card>
      <Card id="report-trends" title={t('dashboard.trends')}>
        <LineChart
          title={t('dashboard.trends')}
          periods={data.trend.map((m) => m.label)}
          series={[
            { name: t('dashboard.overdue'), values: data.trend.map((m) => m.overdue) },
            { name: t('dashboard.escalations'), values: data.trend.map((m) => m.escalations) },
          ]}
        />
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('dashboard.trends')}</caption>
            <thead><tr><th scope="col">{t('dashboard.month')}</th><th scope="col">{t('dashboard.overdue')}</th><th scope="col">{t('dashboard.escalations')}</th></tr></thead>
            <tbody>{data.trend.map((m) => <tr key={m.label}><th scope="row">{m.label}</th><td>{m.overdue}</td><td>{m.escalations}</td></tr>)}</tbody>
          </table>
        </div>
        <CountTable caption={t('dashboard.escalationsByLevel')} label={t('dashboard.escalationsByLevel')} rows={data.escalations.rows.map((r) => ({ label: t('dashboard.level', { n: r.level }), value: r.escalations }))} />
      </Card>
      <Card id="report-time-to-close" title={t('dashboard.timeToClose')}>
        <div className="figures">
          <div><strong>{ttc.summary.closed}</strong>{t('dashboard.closed')}</div>
          <div><strong>{fmt(ttc.summary.medianWorkingDays)}</strong>{t('dashboard.median')}</div>
          <div><strong>{fmt(ttc.summary.p90WorkingDays)}</strong>{t('dashboard.p90')}</div>
        </div>
        {ttc.rows.length ? (
          <>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('dashboard.timeToClose')}</caption>
                <thead><tr><th scope="col">{t('finding.unit')}</th><th scope="col">{t('finding.severity')}</th><th scope="col">{t('dashboard.recordedOn')}</th><th scope="col">{t('dashboard.closedOn')}</th><th scope="col">{t('dashboard.workingDays')}</th></tr></thead>
                <tbody>
                  {ttc.rows.slice((ttcPage - 1) * TTC_PAGE, ttcPage * TTC_PAGE).map((r) => (
                    <tr key={r.findingId}>
                      <td><Link to={`/findings/${r.findingId}`}>{org.unitName(r.unitId)}</Link></td>
                      <td>{tx(`severity.${r.severity}`, r.severity)}</td>
                      <td>{date(r.recordedOn)}</td>
                      <td>{date(r.closedOn)}</td>
                      <td>{r.workingDays}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={ttcPage} pageSize={TTC_PAGE} total={ttc.rows.length} onPage={setTtcPage} />
          </>
        ) : null}
      </Card>
      <Card id="report-scorecard" title={t('dashboard.scorecard')}>
        {data.scorecard.rows.length === 0 ? <p>{t('common.none')}</p> : (
          <div className="table-wrap">
            <table data-testid="scorecard">
              <caption className="visually-hidden">{t('dashboard.scorecard')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('finding.unit')}</th><th scope="col">{t('admin.head')}</th><th scope="col">{t('dashboard.findings')}</th>
                  <th scope="col">{t('dashboard.status.open')}</th><th scope="col">{t('dashboard.status.overdue')}</th><th scope="col">{t('dashboard.status.closed')}</th>
                  <th scope="col">{t('dashboard.overdueRate')}</th><th scope="col">{t('dashboard.median')}</th><th scope="col">{t('dashboard.p90')}</th><th scope="col">{t('dashboard.escalations')}</th>
                </tr>
              </thead>
              <tbody>
                {data.scorecard.rows.map((r) => (
                  <tr key={r.unitId}>
                    <th scope="row">{r.unitName ?? org.unitName(r.unitId)}</th><td>{r.headName ?? '—'}</td><td>{r.findings}</td><td>{r.open}</td><td>{r.overdue}</td><td>{r.closed}</td>
                    <td>{Math.round(r.overdueRate * 100)}%</td><td>{fmt(r.medianWorkingDaysToClose)}</td><td>{fmt(r.p90WorkingDaysToClose)}</td><td>{r.escalations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card id="report-discipline" title={t('dashboard.discipline')}>
        <div className="figures">
          <div><strong>{data.discipline.summary.referrals}</strong>{t('dashboard.referrals')}</div>
          <div><strong>{data.discipline.summary.cases}</strong>{t('dashboard.cases')}</div>
          <div><strong>{data.discipline.summary.decisions}</strong>{t('dashboard.decisions')}</div>
        </div>
        {data.discipline.rows.length ? (
          <table>
            <caption className="visually-hidden">{t('dashboard.discipline')}</caption>
            <thead><tr><th scope="col">{t('dashboard.stage')}</th><th scope="col">{t('dashboard.form')}</th><th scope="col">{t('dashboard.count')}</th></tr></thead>
            <tbody>{data.discipline.rows.map((r) => <tr key={`${r.stage}-${r.form}`}><td>{tx(`stage.${r.stage}`, r.stage)}</td><td>{tx(`decisionKind.${r.form}`, tx(`rule.${r.form}`, r.form))}</td><td>{r.count}</td></tr>)}</tbody>
          </table>
        ) : null}
      </Card>
    </div>
  );
}
