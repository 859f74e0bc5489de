import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { useCapabilities } from '../api/capabilities';
import { ACCEPT_ATTRIBUTE, checkFile, evidenceReference, storeEvidence } from '../api/evidence';
import type { Finding, Role } from '../api/types';
import { useSession } from '../auth/session';
import { vietnamDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/vi';
import { Field, FormAlert, Notice } from '../ui/field';
import { useForm, type FieldErrors } from '../ui/use-form';

type ActionName = 'acknowledge' | 'dispute' | 'resolveDispute' | 'plan' | 'evidence' | 'verify' | 'close' | 'reopen' | 'extension';

/** Who may do what in which status (mirrors FINDING_COMMAND_ROLES; the server decides). */
const AVAILABLE: Record<ActionName, { statuses: string[]; roles: Role[] }> = {
  acknowledge: { statuses: ['recorded'], roles: ['unit_head', 'admin'] },
  dispute: { statuses: ['recorded'], roles: ['unit_head', 'admin'] },
  resolveDispute: { statuses: ['disputed'], roles: ['team_lead'] },
  plan: { statuses: ['acknowledged', 'in_remediation'], roles: ['unit_head', 'admin'] },
  evidence: { statuses: ['in_remediation'], roles: ['unit_head', 'admin'] },
  extension: { statuses: ['acknowledged', 'in_remediation'], roles: ['unit_head'] },
  verify: { statuses: ['awaiting_verification'], roles: ['inspector', 'team_lead'] },
  close: { statuses: ['verified'], roles: ['unit_head', 'team_lead'] },
  reopen: { statuses: ['closed'], roles: ['team_lead', 'inspector', 'admin'] },
};

const LABELS: Record<ActionName, MessageKey> = {
  acknowledge: 'action.acknowledge',
  dispute: 'action.dispute',
  resolveDispute: 'action.resolveDispute',
  plan: 'action.plan',
  evidence: 'action.evidence',
  extension: 'action.extension',
  verify: 'action.verify',
  close: 'action.close',
  reopen: 'action.reopen',
};

/** The actions the signed-in user may take on this finding now, each a small form. */
export function FindingActions({ finding, onDone, onConflict }: { finding: Finding; onDone(next: Finding): void; onConflict(): void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const caps = useCapabilities();
  // The action, not its text: the notice follows a language switch.
  const [done, setDone] = useState<ActionName | null>(null);
  const extensionRoute = caps.find(/^POST \/api\/v1\/findings\/\{\}\/extension/);
  const actions = (Object.keys(AVAILABLE) as ActionName[]).filter(
    (a) => session && AVAILABLE[a].statuses.includes(finding.status) && AVAILABLE[a].roles.includes(session.role) && (a !== 'extension' || extensionRoute),
  );
  const finish = (action: ActionName, next: Finding) => {
    setDone(action);
    onDone(next);
  };
  return (
    <section aria-labelledby="finding-actions" className="card">
      <h2 id="finding-actions">{t('finding.actions')}</h2>
      {done ? <Notice tone="success">{t('action.done', { action: t(LABELS[done]) })}</Notice> : null}
      {actions.length === 0 ? <p className="muted">{t('finding.noActions')}</p> : null}
      {actions.map((a) => (
        <ActionForm key={a} action={a} finding={finding} extensionRoute={extensionRoute} onDone={(next) => finish(a, next)} onConflict={onConflict} />
      ))}
    </section>
  );
}

function ActionForm({ action, finding, extensionRoute, onDone, onConflict }: {
  action: ActionName; finding: Finding; extensionRoute?: string; onDone(next: Finding): void; onConflict(): void;
}) {
  const { t } = useI18n();
  const form = useForm({ reason: '', comment: '', actions: '', targetDate: '', description: '', upheld: 'true', newDueDate: '' });
  const [files, setFiles] = useState<File[]>([]);
  const label = t(LABELS[action]);

  const post = (path: string, body: unknown, key: string) => api<Finding>(`findings/${finding.id}/${path}`, { body, idempotencyKey: key, ifMatch: finding.version });

  const validate = (v: typeof form.values, decision?: boolean): FieldErrors => {
    const errors: FieldErrors = {};
    const need = (field: keyof typeof v, labelKey: MessageKey) => {
      if (!String(v[field]).trim()) errors[field] = [t('error.required', { field: t(labelKey) })];
    };
    if (action === 'dispute' || action === 'resolveDispute' || action === 'reopen' || action === 'extension') need('reason', 'field.reason');
    if (action === 'plan') {
      need('actions', 'field.actions');
      need('targetDate', 'field.targetDate');
      if (v.targetDate && v.targetDate < vietnamDate(new Date())) errors.targetDate = [t('error.past', { field: t('field.targetDate') })];
    }
    if (action === 'evidence') {
      need('description', 'field.evidenceDescription');
      const fileErrors = files.map(checkFile).filter((e) => e !== null).map((e) => t(e.key, e.params));
      if (fileErrors.length) errors.attachments = fileErrors;
    }
    if (action === 'verify' && decision === false) need('comment', 'field.comment');
    if (action === 'extension') need('newDueDate', 'field.newDueDate');
    return errors;
  };

  async function send(decision?: boolean) {
    const result = await form.submit(
      (v) => validate(v, decision),
      async (v, key) => {
        try {
          return await run(v, key, decision);
        } catch (error) {
          // Someone else moved the finding on: reload it; what was typed stays in the form.
          if (error instanceof ApiError && error.code === 'VERSION.CONFLICT') onConflict();
          throw error;
        }
      },
    );
    if (result) {
      form.reset();
      setFiles([]);
      onDone(result);
    }
  }

  async function run(v: typeof form.values, key: string, decision?: boolean): Promise<Finding> {
        switch (action) {
          case 'acknowledge': return post('acknowledgement', {}, key);
          case 'dispute': return post('dispute', { reason: v.reason.trim() }, key);
          case 'resolveDispute': return post('dispute-resolution', { upheld: v.upheld === 'true', reason: v.reason.trim() }, key);
          case 'plan': return post('plan', { actions: v.actions.split('\n').map((s) => s.trim()).filter(Boolean), targetDate: v.targetDate }, key);
          case 'evidence': {
            const attachments = [];
            for (const file of files) attachments.push(await storeEvidence(file));
            return post('evidence', { description: v.description.trim(), attachments: attachments.map(evidenceReference) }, key);
          }
          case 'verify': return post('verification', { accepted: decision === true, comment: v.comment.trim() }, key);
          case 'close': return post('closure', {}, key);
          case 'reopen': return post('reopening', { reason: v.reason.trim() }, key);
          case 'extension': {
            const path = (extensionRoute ?? '').replace(/^POST \/api\/v1\/findings\/\{\}\//, '');
            return post(path, { reason: v.reason.trim(), requestedDueDate: v.newDueDate }, key);
          }
        }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(action === 'verify' ? true : undefined);
  };

  const fields: ReactNode[] = [];
  if (action === 'resolveDispute') {
    fields.push(
      <Field key="upheld" label={t('action.resolveDispute')}>
        <select value={form.values.upheld} onChange={(e) => form.set('upheld', e.target.value)}>
          <option value="true">{t('action.uphold')}</option>
          <option value="false">{t('action.withdraw')}</option>
        </select>
      </Field>,
    );
  }
  if (['dispute', 'resolveDispute', 'reopen', 'extension'].includes(action)) {
    fields.push(
      <Field key="reason" label={t('field.reason')} errors={form.errors.reason} required>
        <textarea rows={3} value={form.values.reason} onChange={(e) => form.set('reason', e.target.value)} />
      </Field>,
    );
  }
  if (action === 'extension') {
    fields.push(
      <Field key="due" label={t('field.newDueDate')} errors={form.errors.newDueDate ?? form.errors.requestedDueDate} required>
        <input type="date" value={form.values.newDueDate} onChange={(e) => form.set('newDueDate', e.target.value)} />
      </Field>,
    );
  }
  if (action === 'plan') {
    fields.push(
      <Field key="actions" label={t('field.actions')} errors={form.errors.actions} required>
        <textarea rows={3} value={form.values.actions} onChange={(e) => form.set('actions', e.target.value)} />
      </Field>,
      <Field key="target" label={t('field.targetDate')} errors={form.errors.targetDate} required>
        <input type="date" value={form.values.targetDate} onChange={(e) => form.set('targetDate', e.target.value)} />
      </Field>,
    );
  }
  if (action === 'evidence') {
    fields.push(
      <Field key="description" label={t('field.evidenceDescription')} errors={form.errors.description} required>
        <textarea rows={3} value={form.values.description} onChange={(e) => form.set('description', e.target.value)} />
      </Field>,
      <Field key="files" label={t('field.attachments')} hint={t('finding.evidenceHint')} errors={form.errors.attachments}>
        <input type="file" accept={ACCEPT_ATTRIBUTE} multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
      </Field>,
    );
  }
  if (action === 'verify') {
    fields.push(
      <Field key="comment" label={t('field.comment')} errors={form.errors.comment}>
        <textarea rows={3} value={form.values.comment} onChange={(e) => form.set('comment', e.target.value)} />
      </Field>,
    );
  }

  return (
    <form className="action" onSubmit={onSubmit} noValidate aria-label={label} data-action={action}>
      {fields.length ? <h3>{label}</h3> : null}
      <FormAlert message={form.alert} />
      {fields}
      {action === 'verify' ? (
        <div className="buttons">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('action.accept')}
          </button>
          <button type="button" disabled={form.busy} onClick={() => void send(false)}>
            {t('action.reject')}
          </button>
        </div>
      ) : (
        <button type="submit" className={fields.length ? 'primary' : 'primary wide'} disabled={form.busy}>
          {label}
        </button>
      )}
    </form>
  );
}
