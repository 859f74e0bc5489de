import { useEffect, useState } from 'react';
import { fetchBlob } from '../api/client';
import type { EvidenceItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { problemText } from './problem-text';

/**
 * Evidence files of a finding. Downloads need the bearer token, so a file is fetched on
 * demand (GET /evidence/:sha256, which checks the hash) and shown from a blob URL: photos
 * inline, PDFs as a link. A hash-only reference (no size/mediaType) is listed without a button.
 */
export function EvidenceList({ items }: { items: EvidenceItem[] }) {
  if (!items.length) return null;
  return (
    <ul className="files">
      {items.map((e, index) => (
        <EvidenceFile key={`${e.sha256}-${index}`} item={e} />
      ))}
    </ul>
  );
}

function EvidenceFile({ item }: { item: EvidenceItem }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);

  async function open() {
    setBusy(true);
    setError(null);
    try {
      setUrl(URL.createObjectURL(await fetchBlob(`evidence/${item.sha256}`)));
    } catch (failure) {
      setError(problemText(failure, i18n));
    } finally {
      setBusy(false);
    }
  }

  const stored = item.mediaType !== undefined;
  const isImage = item.mediaType?.startsWith('image/') && item.mediaType !== 'image/heic' && item.mediaType !== 'image/heif';
  return (
    <li>
      <span>{item.name}</span>{' '}
      {item.size !== undefined && <span className="muted">({t('evidence.size', { kb: Math.max(1, Math.round(item.size / 1024)) })})</span>}{' '}
      <code title={`${t('evidence.hash')}: ${item.sha256}`} data-sha256={item.sha256}>{item.sha256.slice(0, 12)}…</code>
      {!stored && <span className="muted"> · {t('evidence.notStored')}</span>}
      {stored && !url && (
        <button type="button" className="link" onClick={open} disabled={busy} aria-label={`${t('common.open')} ${item.name}`}>
          {t('common.open')}
        </button>
      )}
      {url && isImage && <img className="evidence-photo" src={url} alt={item.name} />}
      {url && !isImage && (
        <a href={url} download={item.name} target="_blank" rel="noreferrer">
          {t('evidence.view', { name: item.name })}
        </a>
      )}
      {error && <span role="alert" className="error"> {error}</span>}
    </li>
  );
}
