import { useState } from 'react';
import { probe } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Notice } from '../ui/field';
import { Pager } from '../ui/pager';
import { useLoad } from '../ui/use-load';

/** Shows an endpoint's JSON when it exists, "not available yet" while it does not. */
export function ProbeSection({ title, path }: { title: string; path: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => probe<unknown>(path).catch(() => null), [path]);
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {loaded.loading ? <p>{t('common.loading')}</p> : loaded.data ? <pre className="raw">{JSON.stringify(loaded.data, null, 2)}</pre> : <Notice>{t('common.notAvailable', { path: `/api/v1/${path}` })}</Notice>}
    </section>
  );
}

/** Administrator: org registry (units with their heads, officials, paged), policies, calendar. */
export function AdminScreen() {
  const { t } = useI18n();
  const org = useOrg();
  const [page, setPage] = useState(1);
  const officials = org.officials.slice((page - 1) * 10, page * 10);
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <section className="card" aria-labelledby="admin-units">
        <h2 id="admin-units">{t('admin.units')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('finding.unit')}</th>
              <th scope="col">{t('admin.head')}</th>
            </tr>
          </thead>
          <tbody>
            {org.units.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{org.officialName(u.headOfficialId) || t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="admin-officials">
        <h2 id="admin-officials">{t('admin.officials')}</h2>
        <ul>
          {officials.map((o) => (
            <li key={o.id}>
              {o.fullName} — {o.position}, {org.unitName(o.unitId)}
            </li>
          ))}
        </ul>
        <Pager page={page} pageSize={10} total={org.officials.length} onPage={setPage} />
      </section>
      <ProbeSection title={t('admin.policies')} path="policies/deadlines" />
      <ProbeSection title={t('admin.calendar')} path={`calendar/${new Date().getFullYear()}`} />
    </>
  );
}

/** Auditor: chain verification and checkpoints, as the audit issue's endpoints land. */
export function AuditScreen() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <ProbeSection title={t('audit.chain')} path="audit/verification" />
      <ProbeSection title={t('audit.checkpoints')} path="audit/checkpoints" />
    </>
  );
}
