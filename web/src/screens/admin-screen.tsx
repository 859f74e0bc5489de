import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Pager } from '../ui/pager';
import { CalendarForm } from './admin-calendar-form';
import { PolicyForm } from './admin-policy-form';

/** Administrator: org registry (units with their heads, officials, paged), deadline policy and calendar forms. */
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
      <PolicyForm />
      <CalendarForm />
    </>
  );
}
