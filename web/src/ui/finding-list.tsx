import type { Page } from '../api/client';
import type { Finding } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link } from '../router';
import { SeverityBadge, StatusBadge, WorkingDays } from './badges';
import { FormAlert } from './field';
import { Pager } from './pager';
import { problemText } from './problem-text';
import type { Loaded } from './use-load';

/** A paged list of findings as cards: title, status, severity, unit, date, deadline. */
export function FindingList({ loaded, onPage, showUnit = false }: { loaded: Loaded<Page<Finding>>; onPage(page: number): void; showUnit?: boolean }) {
  const i18n = useI18n();
  const { t, tx, date } = i18n;
  const org = useOrg();
  if (loaded.error) return <FormAlert message={problemText(loaded.error, i18n)} />;
  if (!loaded.data) return <p>{t('common.loading')}</p>;
  if (loaded.data.items.length === 0) return <p>{t('finding.none')}</p>;
  return (
    <>
      <ul className="cards" data-testid="finding-list">
        {loaded.data.items.map((f) => (
          <li key={f.id} className="card">
            <Link to={`/findings/${f.id}`}>{f.title}</Link>
            <p>
              <StatusBadge status={f.status} /> <SeverityBadge severity={f.severity} /> <WorkingDays days={f.workingDaysLeft} />
            </p>
            <p className="muted">
              {tx(`category.${f.category}`, f.category)} · {date(f.observedAt)}
              {showUnit ? ` · ${org.unitName(f.unitId)}` : ''}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={loaded.data.page} pageSize={loaded.data.pageSize} total={loaded.data.total} onPage={onPage} />
    </>
  );
}
