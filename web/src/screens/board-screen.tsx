import { useMemo, useState } from 'react';
import { api, probe, query, type Page } from '../api/client';
import type { Finding, StoredEvent } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link, useRouter } from '../router';
import { Field, FormAlert, Notice } from '../ui/field';
import { problemText } from '../ui/problem-text';
import { Timeline, type TimelineEntry } from '../ui/timeline';
import { useLoad } from '../ui/use-load';

/** Board: pick an official, read their whole history as a filterable timeline. */
export function BoardScreen({ officialId }: { officialId?: string }) {
  const { t } = useI18n();
  const org = useOrg();
  const { navigate } = useRouter();
  const cases = useLoad(() => probe<{ items: unknown[] }>('cases').catch(() => null), []);
  return (
    <>
      <h1>{t('board.title')}</h1>
      <form className="card" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('board.official')} hint={t('board.pick')}>
          <select value={officialId ?? ''} onChange={(e) => navigate(e.target.value ? `/board/officials/${e.target.value}` : '/board')}>
            <option value="">—</option>
            {org.units.map((u) => (
              <optgroup key={u.id} label={u.name}>
                {org.officials
                  .filter((o) => o.unitId === u.id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.fullName} — {o.position}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </form>
      {officialId ? <OfficialHistory officialId={officialId} /> : null}
      <section aria-labelledby="board-cases">
        <h2 id="board-cases">{t('board.cases')}</h2>
        {cases.loading ? <p>{t('common.loading')}</p> : cases.data ? <p>{t('common.total', { total: cases.data.items.length })}</p> : <Notice>{t('common.notAvailable', { path: '/api/v1/cases' })}</Notice>}
      </section>
    </>
  );
}

/** An entry of GET /officials/:id/history (the audit issue's history API). */
interface HistoryEntry {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string; name: string | null };
  unitId: string | null;
  reason: string | null;
  data: Record<string, unknown>;
  hash: string;
}

function fromHistoryEntry(e: HistoryEntry): TimelineEntry {
  const findingId = e.streamId.startsWith('finding-') ? e.streamId.slice('finding-'.length) : undefined;
  return {
    id: e.eventId,
    type: e.type,
    streamId: e.streamId,
    version: e.version,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    data: e.data,
    metadata: { actorId: e.actor.id, role: e.actor.role, reason: e.reason, unitId: e.unitId },
    hash: e.hash,
    actorName: e.actor.name ?? undefined,
    findingId,
    findingTitle: typeof e.data.title === 'string' ? e.data.title : undefined,
  };
}

/**
 * From GET /officials/:id/history when the engine has it; until then assembled from the
 * events of every finding naming the official as responsible.
 */
async function loadHistory(officialId: string): Promise<{ events: TimelineEntry[]; fromServer: boolean }> {
  const history = await probe<{ entries: HistoryEntry[] }>(`officials/${officialId}/history`);
  if (history) return { events: history.entries.map(fromHistoryEntry), fromServer: true };
  const findings: Finding[] = [];
  for (let page = 1; page <= 20; page++) {
    const result = await api<Page<Finding>>(`findings${query({ page, pageSize: 100 })}`);
    findings.push(...result.items.filter((f) => f.responsibleOfficialIds.includes(officialId)));
    if (page * result.pageSize >= result.total) break;
  }
  const perFinding = await Promise.all(
    findings.map(async (f) => (await api<StoredEvent[]>(`findings/${f.id}/events`)).map((e) => ({ ...e, findingId: f.id, findingTitle: f.title }))),
  );
  const events = perFinding.flat().sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.version - b.version);
  return { events, fromServer: false };
}

function OfficialHistory({ officialId }: { officialId: string }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const org = useOrg();
  const { session } = useSession();
  const [type, setType] = useState('');
  const [role, setRole] = useState('');
  const history = useLoad(() => loadHistory(officialId), [officialId]);
  const events = history.data?.events ?? [];
  const types = useMemo(() => [...new Set(events.map((e) => e.type))], [events]);
  const roles = useMemo(() => [...new Set(events.map((e) => e.metadata.role).filter((r): r is string => !!r))], [events]);
  const shown = events.filter((e) => (!type || e.type === type) && (!role || e.metadata.role === role));

  async function exportPdf() {
    const response = await fetch(`/api/v1/officials/${officialId}/history.pdf`, { headers: { Authorization: `Bearer ${session?.token}` } });
    if (!response.ok) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `${officialId}-history.pdf`;
    link.click();
  }

  if (history.error) return <FormAlert message={problemText(history.error, i18n)} />;
  return (
    <section aria-labelledby="official-history">
      <h2 id="official-history">{t('board.history', { name: org.officialName(officialId) })}</h2>
      {!history.data ? <p>{t('common.loading')}</p> : null}
      {history.data && !history.data.fromServer ? <Notice>{t('board.fromEvents')}</Notice> : null}
      {history.data?.fromServer ? (
        <button type="button" onClick={() => void exportPdf()}>
          {t('board.exportPdf')}
        </button>
      ) : null}
      <div className="filters">
        <Field label={t('board.filterType')}>
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {types.map((x) => (
              <option key={x} value={x}>
                {tx(`event.${x}`, x)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('board.filterRole')}>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {roles.map((x) => (
              <option key={x} value={x}>
                {tx(`role.${x}`, x)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {history.data ? <Timeline events={shown} /> : null}
      <p>
        <Link to="/findings">{t('nav.findings')}</Link>
      </p>
    </section>
  );
}
