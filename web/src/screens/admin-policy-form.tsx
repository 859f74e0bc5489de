import type { FormEvent, ReactNode } from 'react';
import { api } from '../api/client';
import { FINDING_CATEGORIES, FINDING_SEVERITIES } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field, FormAlert, Notice } from '../ui/field';
import { useForm, type FieldErrors } from '../ui/use-form';
import { useLoad } from '../ui/use-load';
import { useState } from 'react';

export const UNIT_KINDS = ['department', 'district', 'ward', 'commune', 'public_service_unit', 'inspection_team'] as const;

interface Rule { severity?: string; unitKind?: string; category?: string; remediationWorkingDays?: number; acknowledgeWorkingDays?: number }
interface Policy {
  acknowledgeWorkingDays: number;
  remediationWorkingDays: { critical: number; major: number; minor: number };
  reminderWorkingDaysBeforeDue: number[];
  escalationWorkingDaysAfterDue: [number, number, number];
  maxExtensionsPerFinding: number;
  maxExtensionWorkingDays: number;
  referUnitHead: boolean;
  rules: Rule[];
}
interface PolicyAnswer { revision: number; source: string; policy: Policy }

/** Form values are strings as typed; converted on submit. */
type RuleDraft = { severity: string; unitKind: string; category: string; remediationWorkingDays: string; acknowledgeWorkingDays: string };
function toDraft(p: Policy) {
  return {
    acknowledgeWorkingDays: String(p.acknowledgeWorkingDays),
    critical: String(p.remediationWorkingDays.critical),
    major: String(p.remediationWorkingDays.major),
    minor: String(p.remediationWorkingDays.minor),
    reminders: p.reminderWorkingDaysBeforeDue.join(', '),
    escalations: p.escalationWorkingDaysAfterDue.join(', '),
    maxExtensionsPerFinding: String(p.maxExtensionsPerFinding),
    maxExtensionWorkingDays: String(p.maxExtensionWorkingDays),
    referUnitHead: p.referUnitHead,
    rules: p.rules.map((r) => ({ severity: r.severity ?? '', unitKind: r.unitKind ?? '', category: r.category ?? '', remediationWorkingDays: r.remediationWorkingDays?.toString() ?? '', acknowledgeWorkingDays: r.acknowledgeWorkingDays?.toString() ?? '' })) as RuleDraft[],
  };
}
type Draft = ReturnType<typeof toDraft>;

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
const ints = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean).map(int);

function Group({ legend, errors, children }: { legend: string; errors?: string[]; children: ReactNode }) {
  return (
    <fieldset aria-invalid={errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {children}
      {errors?.length ? <p className="error" role="alert" data-field-error="">{errors.join(' ')}</p> : null}
    </fieldset>
  );
}

/** GET/PUT /policies/deadlines: the deadline and escalation policy (working days), as a form. */
export function PolicyForm() {
  const { t } = useI18n();
  const loaded = useLoad(() => api<PolicyAnswer>('policies/deadlines'), []);
  if (!loaded.data) return <section className="card"><h2>{t('admin.policies')}</h2><p>{t('common.loading')}</p></section>;
  return <PolicyEditor key={loaded.data.revision} answer={loaded.data} onSaved={loaded.setData} />;
}

function PolicyEditor({ answer, onSaved }: { answer: PolicyAnswer; onSaved(a: PolicyAnswer): void }) {
  const { t, tx } = useI18n();
  const form = useForm<Draft>(toDraft(answer.policy));
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const e = form.errors;

  function validate(d: Draft): FieldErrors {
    const errors: FieldErrors = {};
    const days = (x: number, min = 1) => Number.isInteger(x) && x >= min && x <= 365;
    if (!days(int(d.acknowledgeWorkingDays))) errors.acknowledgeWorkingDays = [t('admin.daysRange')];
    if (![d.critical, d.major, d.minor].every((x) => days(int(x)))) errors.remediationWorkingDays = [t('admin.daysRange')];
    const reminders = ints(d.reminders);
    if (reminders.length > 5 || !reminders.every((x) => days(x, 0))) errors.reminderWorkingDaysBeforeDue = [t('admin.listRange', { max: 5 })];
    const esc = ints(d.escalations);
    if (esc.length !== 3 || !esc.every((x) => days(x, 0))) errors.escalationWorkingDaysAfterDue = [t('admin.threeNumbers')];
    if (!days(int(d.maxExtensionsPerFinding), 0)) errors.maxExtensionsPerFinding = [t('admin.daysRange')];
    if (!days(int(d.maxExtensionWorkingDays))) errors.maxExtensionWorkingDays = [t('admin.daysRange')];
    if (d.rules.some((r) => (r.remediationWorkingDays && !days(int(r.remediationWorkingDays))) || (r.acknowledgeWorkingDays && !days(int(r.acknowledgeWorkingDays))))) errors.rules = [t('admin.daysRange')];
    return errors;
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await form.submit(validate, (d, key) =>
      api<PolicyAnswer>('policies/deadlines', {
        method: 'PUT',
        idempotencyKey: key,
        body: {
          acknowledgeWorkingDays: int(d.acknowledgeWorkingDays),
          remediationWorkingDays: { critical: int(d.critical), major: int(d.major), minor: int(d.minor) },
          reminderWorkingDaysBeforeDue: ints(d.reminders),
          escalationWorkingDaysAfterDue: ints(d.escalations),
          maxExtensionsPerFinding: int(d.maxExtensionsPerFinding),
          maxExtensionWorkingDays: int(d.maxExtensionWorkingDays),
          referUnitHead: d.referUnitHead,
          rules: d.rules.map((r) => ({
            ...(r.severity ? { severity: r.severity } : {}),
            ...(r.unitKind ? { unitKind: r.unitKind } : {}),
            ...(r.category ? { category: r.category } : {}),
            ...(r.remediationWorkingDays ? { remediationWorkingDays: int(r.remediationWorkingDays) } : {}),
            ...(r.acknowledgeWorkingDays ? { acknowledgeWorkingDays: int(r.acknowledgeWorkingDays) } : {}),
          })),
        },
      }),
    );
    if (result) {
      setSaved(true);
      onSaved(result);
    }
  };
  const setRule = (index: number, patch: Partial<RuleDraft>) => form.set('rules', v.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const num = (name: keyof Draft, label: string, error?: string[]) => (
    <Field label={label} errors={error} required>
      <input inputMode="numeric" value={v[name] as string} onChange={(x) => form.set(name, x.target.value as never)} />
    </Field>
  );

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="admin-policy">
      <h2 id="admin-policy">{t('admin.policies')}</h2>
      <p className="muted">{t('admin.policyRevision', { revision: answer.revision })} {t('admin.policyApplies')}</p>
      {saved ? <Notice tone="success">{t('common.saved')}</Notice> : null}
      <FormAlert message={form.alert} />
      {num('acknowledgeWorkingDays', t('admin.acknowledgeDays'), e.acknowledgeWorkingDays)}
      <Group legend={t('admin.remediationDays')} errors={e.remediationWorkingDays}>
        <div className="filters">
          {FINDING_SEVERITIES.map((s) => num(s, tx(`severity.${s}`, s)))}
        </div>
      </Group>
      <Field label={t('admin.reminders')} hint={t('admin.remindersHint')} errors={e.reminderWorkingDaysBeforeDue}>
        <input value={v.reminders} onChange={(x) => form.set('reminders', x.target.value)} />
      </Field>
      <Field label={t('admin.escalations')} hint={t('admin.escalationsHint')} errors={e.escalationWorkingDaysAfterDue} required>
        <input value={v.escalations} onChange={(x) => form.set('escalations', x.target.value)} />
      </Field>
      {num('maxExtensionsPerFinding', t('admin.maxExtensions'), e.maxExtensionsPerFinding)}
      {num('maxExtensionWorkingDays', t('admin.maxExtensionDays'), e.maxExtensionWorkingDays)}
      <div className="field">
        <label>
          <input type="checkbox" checked={v.referUnitHead} onChange={(x) => form.set('referUnitHead', x.target.checked)} /> {t('admin.referUnitHead')}
        </label>
      </div>
      <Group legend={t('admin.rules')} errors={e.rules}>
        <p className="hint">{t('admin.rulesHint')}</p>
        {v.rules.map((r, i) => (
          <div key={i} className="filters rule">
            <Field label={t('finding.severity')}>
              <select value={r.severity} onChange={(x) => setRule(i, { severity: x.target.value })}>
                <option value="">{t('common.all')}</option>
                {FINDING_SEVERITIES.map((s) => <option key={s} value={s}>{tx(`severity.${s}`, s)}</option>)}
              </select>
            </Field>
            <Field label={t('admin.unitKind')}>
              <select value={r.unitKind} onChange={(x) => setRule(i, { unitKind: x.target.value })}>
                <option value="">{t('common.all')}</option>
                {UNIT_KINDS.map((k) => <option key={k} value={k}>{tx(`unitKind.${k}`, k)}</option>)}
              </select>
            </Field>
            <Field label={t('finding.category')}>
              <select value={r.category} onChange={(x) => setRule(i, { category: x.target.value })}>
                <option value="">{t('common.all')}</option>
                {FINDING_CATEGORIES.map((c) => <option key={c} value={c}>{tx(`category.${c}`, c)}</option>)}
              </select>
            </Field>
            <Field label={t('admin.remediationDays')}>
              <input inputMode="numeric" value={r.remediationWorkingDays} onChange={(x) => setRule(i, { remediationWorkingDays: x.target.value })} />
            </Field>
            <Field label={t('admin.acknowledgeDays')}>
              <input inputMode="numeric" value={r.acknowledgeWorkingDays} onChange={(x) => setRule(i, { acknowledgeWorkingDays: x.target.value })} />
            </Field>
            <button type="button" onClick={() => form.set('rules', v.rules.filter((_, j) => j !== i))} aria-label={t('admin.removeRule', { n: i + 1 })}>
              {t('admin.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => form.set('rules', [...v.rules, { severity: '', unitKind: '', category: '', remediationWorkingDays: '', acknowledgeWorkingDays: '' }])}>
          {t('admin.addRule')}
        </button>
      </Group>
      <button type="submit" disabled={form.busy}>{t('admin.savePolicy')}</button>
    </form>
  );
}
