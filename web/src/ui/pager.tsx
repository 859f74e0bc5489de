import { useI18n } from '../i18n/i18n';

/** Previous/next paging for long lists (page numbers start at 1). */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return <p className="muted">{t('common.total', { total })}</p>;
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t('common.prev')}
      </button>
      <span aria-live="polite">{t('common.page', { page, pages })} · {t('common.total', { total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('common.next')}
      </button>
    </nav>
  );
}
