import { api, query, type Page } from '../api/client';
import { FINDING_SEVERITIES, FINDING_STATUSES, type Finding } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { useRouter } from '../router';
import { Field } from '../ui/field';
import { FindingList } from '../ui/finding-list';
import { useLoad } from '../ui/use-load';

/** All findings the user may read, filtered by unit, status and severity (in the URL), paged. */
export function FindingsScreen() {
  const { t, tx } = useI18n();
  const org = useOrg();
  const { search, navigate } = useRouter();
  const filter = { unitId: search.get('unitId') ?? '', status: search.get('status') ?? '', severity: search.get('severity') ?? '' };
  const page = Number(search.get('page') ?? '1') || 1;
  const go = (changes: Record<string, string | number>) => navigate(`/findings${query({ ...filter, page, ...changes })}`, { replace: true });
  const loaded = useLoad(() => api<Page<Finding>>(`findings${query({ ...filter, page, pageSize: 10 })}`), [search.toString()]);
  return (
    <>
      <h1>{t('finding.list')}</h1>
      <form className="filters" role="search" aria-label={t('common.filter')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('finding.unit')}>
          <select value={filter.unitId} onChange={(e) => go({ unitId: e.target.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {org.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('finding.status')}>
          <select value={filter.status} onChange={(e) => go({ status: e.target.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tx(`status.${s}`, s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('finding.severity')}>
          <select value={filter.severity} onChange={(e) => go({ severity: e.target.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {FINDING_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {tx(`severity.${s}`, s)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <FindingList loaded={loaded} onPage={(p) => go({ page: p })} showUnit />
    </>
  );
}
