import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import { DECISION_KINDS, type DisciplinaryCase } from '../api/cases';
import { useSession } from '../auth/session';
import { fromVietnamLocalInput, toVietnamLocalInput, vietnamDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/vi';
import { useOrg } from '../org';
import { Field, FormAlert, Notice } from '../ui/field';
import type { FieldErrors } from '../ui/use-form';
import { useForm } from '../ui/use-form';
import { availableCaseActions, type CaseAction } from './case-rules';

const LABELS: Record<CaseAction, MessageKey> = {
  explanation: 'caseAction.explanation',
  appeal: 'caseAction.appeal',
  hearing: 'caseAction.hearing',
  hearingRecord: 'caseAction.hearingRecord',
  vote: 'caseAction.vote',
  decision: 'caseAction.decision',
  execution: 'caseAction.execution',
};
const PATHS: Record<CaseAction, string> = {
  explanation: 'explanation', appeal: 'appeal', hearing: 'hearing', hearingRecord: 'hearing-record', vote: 'votes', decision: 'decision', execution: 'execution',
};

export function CaseActions({ kase, onChanged }: { kase: DisciplinaryCase; onChanged(): void }) {
  const { t } = useI18n();
  const { session } = useSession();
  // The action, not its text: the notice follows a language switch.
  const [done, setDone] = useState<CaseAction | null>(null);
  if (!session) return null;
  const actions = availableCaseActions(kase, session.role, session.sub);
  return (
    <section aria-labelledby="case-actions" className="card">
      <h2 id="case-actions">{t('finding.actions')}</h2>
      {done ? <Notice tone="success">{t('action.done', { action: t(LABELS[done]) })}</Notice> : null}
      {actions.length === 0 ? <p>{t('cases.noActions')}</p> : null}
      {actions.map((a) => (
        <CaseActionForm key={`${a}-${kase.version}`} action={a} kase={kase} onDone={() => { setDone(a); onChanged(); }} />
      ))}
    </section>
  );
}

const today = () => vietnamDate(new Date());

function CaseActionForm({ action, kase, onDone }: { action: CaseAction; kase: DisciplinaryCase; onDone(): void }) {
  const { t, tx } = useI18n();
  const org = useOrg();
  const label = t(LABELS[action]);
  const form = useForm({ text: '', scheduledAt: toVietnamLocalInput(new Date()), location: '', heldAt: toVietnamLocalInput(new Date()), attendeeIds: [] as string[], minutes: '', kind: '', reasons: '', effectiveDate: today(), successorOfficialId: '', transferUnitId: '', transferPosition: '' });
  const v = form.values;
  const required = (ok: boolean, field: string, errors: FieldErrors) => { if (!ok) errors[field] = [t('error.fieldRequired')]; };

  function validate(values: typeof v): FieldErrors {
    const errors: FieldErrors = {};
    if (action === 'explanation') required(!!values.text.trim(), 'text', errors);
    if (action === 'appeal') required(!!values.text.trim(), 'reason', errors);
    if (action === 'hearing') { required(!!fromVietnamLocalInput(values.scheduledAt), 'scheduledAt', errors); required(!!values.location.trim(), 'location', errors); }
    if (action === 'hearingRecord') { required(!!fromVietnamLocalInput(values.heldAt), 'heldAt', errors); required(values.attendeeIds.length > 0, 'attendeeIds', errors); required(!!values.minutes.trim(), 'minutes', errors); }
    if (action === 'vote') required(!!values.kind, 'decisionKind', errors);
    if (action === 'decision') {
      required(!!values.kind, 'kind', errors);
      required(!!values.reasons.trim(), 'reasons', errors);
      required(/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveDate), 'effectiveDate', errors);
      if (values.kind === 'replacement') required(!!values.successorOfficialId, 'successorOfficialId', errors);
      if (values.kind === 'transfer') { required(!!values.transferUnitId, 'transferTo.unitId', errors); required(!!values.transferPosition.trim(), 'transferTo.position', errors); }
    }
    return errors;
  }

  function body(values: typeof v): object {
    switch (action) {
      case 'explanation': return { text: values.text.trim() };
      case 'appeal': return { reason: values.text.trim() };
      case 'hearing': return { scheduledAt: fromVietnamLocalInput(values.scheduledAt), location: values.location.trim() };
      case 'hearingRecord': return { heldAt: fromVietnamLocalInput(values.heldAt), attendeeIds: values.attendeeIds, minutes: values.minutes.trim() };
      case 'vote': return { decisionKind: values.kind };
      case 'execution': return {};
      case 'decision': return {
        kind: values.kind,
        reasons: values.reasons.trim(),
        effectiveDate: values.effectiveDate,
        ...(values.successorOfficialId ? { successorOfficialId: values.successorOfficialId } : {}),
        ...(values.kind === 'transfer' ? { transferTo: { unitId: values.transferUnitId, position: values.transferPosition.trim() } } : {}),
      };
    }
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await form.submit(validate, (values, key) => api<unknown>(`cases/${kase.id}/${PATHS[action]}`, { idempotencyKey: key, body: body(values) }));
    if (result !== undefined) onDone();
  };

  const e = form.errors;
  const officials = org.officials;
  const fields: ReactNode[] = [];
  if (action === 'explanation' || action === 'appeal') {
    const field = action === 'explanation' ? 'text' : 'reason';
    fields.push(<Field key="text" label={t(action === 'explanation' ? 'cases.explanationText' : 'cases.appealReason')} errors={e[field]} required><textarea rows={4} value={v.text} onChange={(x) => form.set('text', x.target.value)} /></Field>);
  }
  if (action === 'hearing') {
    fields.push(
      <Field key="at" label={t('cases.scheduledAt')} errors={e.scheduledAt} required><input type="datetime-local" value={v.scheduledAt} onChange={(x) => form.set('scheduledAt', x.target.value)} /></Field>,
      <Field key="loc" label={t('cases.location')} errors={e.location} required><input value={v.location} onChange={(x) => form.set('location', x.target.value)} /></Field>,
    );
  }
  if (action === 'hearingRecord') {
    fields.push(
      <Field key="held" label={t('cases.heldAt')} errors={e.heldAt} required><input type="datetime-local" value={v.heldAt} onChange={(x) => form.set('heldAt', x.target.value)} /></Field>,
      <Field key="att" label={t('cases.attendees')} hint={t('cases.attendeesHint')} errors={e.attendeeIds} required>
        <select multiple size={5} value={v.attendeeIds} onChange={(x) => form.set('attendeeIds', Array.from(x.target.selectedOptions, (o) => o.value))}>
          {officials.map((o) => <option key={o.id} value={o.id}>{o.fullName} — {o.position}</option>)}
        </select>
      </Field>,
      <Field key="min" label={t('cases.minutes')} errors={e.minutes} required><textarea rows={4} value={v.minutes} onChange={(x) => form.set('minutes', x.target.value)} /></Field>,
    );
  }
  if (action === 'vote' || action === 'decision') {
    const field = action === 'vote' ? 'decisionKind' : 'kind';
    fields.push(
      <Field key="kind" label={t('cases.decisionKind')} errors={e[field]} required>
        <select value={v.kind} onChange={(x) => form.set('kind', x.target.value)}>
          <option value="">—</option>
          {DECISION_KINDS.map((k) => <option key={k} value={k}>{tx(`decisionKind.${k}`, k)}</option>)}
        </select>
      </Field>,
    );
  }
  if (action === 'decision') {
    fields.push(
      <Field key="reasons" label={t('cases.reasons')} errors={e.reasons} required><textarea rows={4} value={v.reasons} onChange={(x) => form.set('reasons', x.target.value)} /></Field>,
      <Field key="eff" label={t('cases.effectiveDate')} errors={e.effectiveDate} required><input type="date" value={v.effectiveDate} onChange={(x) => form.set('effectiveDate', x.target.value)} /></Field>,
      <Field key="succ" label={t('cases.successor')} errors={e.successorOfficialId} required={v.kind === 'replacement'}>
        <select value={v.successorOfficialId} onChange={(x) => form.set('successorOfficialId', x.target.value)}>
          <option value="">{t('common.none')}</option>
          {officials.filter((o) => o.id !== kase.subject.officialId).map((o) => <option key={o.id} value={o.id}>{o.fullName} — {o.position}</option>)}
        </select>
      </Field>,
    );
    if (v.kind === 'transfer') {
      fields.push(
        <Field key="tu" label={t('cases.transferUnit')} errors={e['transferTo.unitId']} required>
          <select value={v.transferUnitId} onChange={(x) => form.set('transferUnitId', x.target.value)}>
            <option value="">—</option>
            {org.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>,
        <Field key="tp" label={t('cases.transferPosition')} errors={e['transferTo.position']} required><input value={v.transferPosition} onChange={(x) => form.set('transferPosition', x.target.value)} /></Field>,
      );
    }
  }
  return (
    <form className="action" onSubmit={onSubmit} noValidate aria-label={label} data-action={action}>
      {fields.length ? <h3>{label}</h3> : null}
      <FormAlert message={form.alert} />
      {fields}
      <button type="submit" disabled={form.busy}>{label}</button>
    </form>
  );
}
