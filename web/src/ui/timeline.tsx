import type { StoredEvent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Link } from '../router';

export interface TimelineEntry extends StoredEvent {
  /** Shown with each entry when the timeline spans several findings. */
  findingTitle?: string;
  findingId?: string;
  /** The actor's name when the server resolved it. */
  actorName?: string;
}

function why(event: StoredEvent): string | null {
  const d = event.data;
  const text = event.metadata.reason ?? d.reason ?? d.comment;
  return typeof text === 'string' && text !== '' ? text : null;
}

/** Who, in which role, when and why, for every event, oldest first. */
export function Timeline({ events }: { events: TimelineEntry[] }) {
  const { t, tx, dateTime, date } = useI18n();
  const org = useOrg();
  if (events.length === 0) return <p>{t('board.empty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => {
        const reason = why(e);
        const actions = Array.isArray(e.data.actions) ? (e.data.actions as string[]) : null;
        const attachments = Array.isArray(e.data.attachments) ? (e.data.attachments as { name: string; sha256: string }[]) : [];
        return (
          <li key={e.id}>
            <h3>{tx(`event.${e.type}`, e.type)}</h3>
            {e.findingId && e.findingTitle ? (
              <p>
                <Link to={`/findings/${e.findingId}`}>{e.findingTitle ?? e.findingId}</Link>
              </p>
            ) : null}
            <dl className="facts">
              <dt>{t('timeline.who')}</dt>
              <dd>{e.metadata.actorId === 'system' || e.metadata.actorId?.startsWith('process:') ? t('role.system') : e.actorName || org.officialName(e.metadata.actorId) || t('common.unknown')}</dd>
              <dt>{t('timeline.role')}</dt>
              <dd>{e.metadata.role ? tx(`role.${e.metadata.role}`, e.metadata.role) : t('common.unknown')}</dd>
              <dt>{t('timeline.when')}</dt>
              <dd>
                <time dateTime={e.occurredAt}>{dateTime(e.occurredAt)}</time>
              </dd>
              {reason ? (
                <>
                  <dt>{t('timeline.why')}</dt>
                  <dd>{reason}</dd>
                </>
              ) : null}
            </dl>
            {actions ? (
              <ul>
                {actions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
                {typeof e.data.targetDate === 'string' ? <li>{t('finding.planTarget', { date: date(e.data.targetDate) })}</li> : null}
              </ul>
            ) : null}
            {typeof e.data.description === 'string' && e.type !== 'FindingRecorded' ? <p>{e.data.description}</p> : null}
            {attachments.length ? (
              <ul className="files">
                {attachments.map((a) => (
                  <li key={a.sha256}>
                    {a.name} <code title={a.sha256}>{a.sha256.slice(0, 12)}…</code>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
