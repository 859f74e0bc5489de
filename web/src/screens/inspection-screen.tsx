import { useState } from 'react';
import { api, query, type Page } from '../api/client';
import type { Finding, Inspection } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { FormAlert } from '../ui/field';
import { FindingList } from '../ui/finding-list';
import { useLoad, type Loaded } from '../ui/use-load';
import { RecordFindingForm } from './record-finding-form';
import { problemText } from '../ui/problem-text';

/** One inspection: what, where, when; record findings (members only); its findings, paged. */
export function InspectionScreen({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, tx, dayDate } = i18n;
  const { session } = useSession();
  const org = useOrg();
  const [page, setPage] = useState(1);
  const [recorded, setRecorded] = useState<Finding[]>([]);
  const inspection = useLoad(() => api<Inspection>(`inspections/${id}`), [id]);
  const findings = useLoad(() => api<Page<Finding>>(`findings${query({ inspectionId: id, page, pageSize: 10 })}`), [id, page]);
  if (inspection.error) return <FormAlert message={problemText(inspection.error, i18n)} />;
  const i = inspection.data;
  if (!i) return <p>{t('common.loading')}</p>;
  const mayRecord = i.status === 'open' && (session?.role === 'team_lead' || (session?.role === 'inspector' && i.memberIds.includes(session.sub)));
  return (
    <>
      <h1>{t('inspection.title', { kind: tx(`inspection.kind.${i.kind}`, i.kind), unit: org.unitName(i.unitId) })}</h1>
      <dl className="facts">
        <dt>{t('inspection.startedAt')}</dt>
        <dd>{dayDate(i.startedAt)}</dd>
        <dt>{t('inspection.team')}</dt>
        <dd>{org.unitName(i.teamId)}</dd>
        <dt>{t('inspection.status')}</dt>
        <dd>{tx(`inspection.status.${i.status}`, i.status)}</dd>
      </dl>
      {mayRecord ? <RecordFindingForm inspection={i} onRecorded={(f) => { setRecorded((r) => [f, ...r]); findings.reload(); }} /> : null}
      <section aria-labelledby="inspection-findings">
        <h2 id="inspection-findings">{t('inspection.findings')}</h2>
        <FindingList loaded={withRecorded(findings, page === 1 ? recorded : [])} onPage={setPage} />
      </section>
    </>
  );
}

/** Findings recorded here just now lead page 1 even before the read model has them. */
function withRecorded(loaded: Loaded<Page<Finding>>, recorded: Finding[]): Loaded<Page<Finding>> {
  if (!loaded.data || recorded.length === 0) return loaded;
  const missing = recorded.filter((r) => !loaded.data!.items.some((f) => f.id === r.id));
  return { ...loaded, data: { ...loaded.data, items: [...missing, ...loaded.data.items], total: loaded.data.total + missing.length } };
}
