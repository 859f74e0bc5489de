import { useRef, useState, type FormEvent } from 'react';
import { ACCEPT_ATTRIBUTE, checkFile, evidenceReference, storeEvidence, type StoredEvidence } from '../api/evidence';
import { api } from '../api/client';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, type Finding, type Inspection } from '../api/types';
import { fromVietnamLocalInput, toVietnamLocalInput } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useOrg } from '../org';
import { Field, FormAlert, Notice } from '../ui/field';
import { useForm, type FieldErrors } from '../ui/use-form';

const EMPTY = {
  category: 'procedure_posting',
  severity: 'major',
  title: '',
  description: '',
  observedAt: '',
  responsibleOfficialIds: [] as string[],
};

/**
 * Recording a finding on site, phone first: category, severity, title, description, the
 * responsible officials of the inspected unit, photos. On success the text fields clear
 * (category and severity stay) so the next finding is quick; on refusal nothing is lost.
 */
export function RecordFindingForm({ inspection, onRecorded }: { inspection: Inspection; onRecorded(finding: Finding): void }) {
  const { t, tx } = useI18n();
  const org = useOrg();
  const form = useForm({ ...EMPTY, observedAt: toVietnamLocalInput(new Date()) });
  const [files, setFiles] = useState<File[]>([]);
  const [stored, setStored] = useState<StoredEvidence[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const officials = org.officials.filter((o) => o.unitId === inspection.unitId);

  const validate = (v: typeof form.values): FieldErrors => {
    const errors: FieldErrors = {};
    if (!v.title.trim()) errors.title = [t('error.required', { field: t('finding.title') })];
    else if (v.title.trim().length > 200) errors.title = [t('error.tooLong', { field: t('finding.title'), max: 200 })];
    if (!v.description.trim()) errors.description = [t('error.required', { field: t('finding.description') })];
    const observed = fromVietnamLocalInput(v.observedAt);
    if (!observed) errors.observedAt = [t('error.invalid', { field: t('finding.observedAt') })];
    else if (new Date(observed).getTime() > Date.now() + 60_000) errors.observedAt = [t('error.future', { field: t('finding.observedAt') })];
    const fileErrors = files.map(checkFile).filter((e) => e !== null).map((e) => t(e.key, e.params));
    if (fileErrors.length) errors.evidence = fileErrors;
    return errors;
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const finding = await form.submit(validate, async (v, key) => {
      // Files already stored in an earlier (refused) attempt are not uploaded again.
      const evidence = [...stored];
      for (const file of files.slice(stored.length)) evidence.push(await storeEvidence(file));
      setStored(evidence);
      return api<Finding>(`inspections/${inspection.id}/findings`, {
        idempotencyKey: key,
        body: {
          category: v.category,
          severity: v.severity,
          title: v.title.trim(),
          description: v.description.trim(),
          observedAt: fromVietnamLocalInput(v.observedAt),
          responsibleOfficialIds: v.responsibleOfficialIds,
          evidence: evidence.map(evidenceReference),
        },
      });
    });
    if (!finding) return;
    form.setValues((v) => ({ ...EMPTY, category: v.category, severity: v.severity, observedAt: toVietnamLocalInput(new Date()) }));
    setFiles([]);
    setStored([]);
    if (fileInput.current) fileInput.current.value = '';
    setDone(t('finding.recorded'));
    onRecorded(finding);
  }

  const toggleOfficial = (id: string, on: boolean) =>
    form.set('responsibleOfficialIds', on ? [...form.values.responsibleOfficialIds, id] : form.values.responsibleOfficialIds.filter((x) => x !== id));

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="record-finding">
      <h2 id="record-finding">{t('finding.record')}</h2>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <FormAlert message={form.alert} />
      <div className="row">
        <Field label={t('finding.category')} errors={form.errors.category} required>
          <select value={form.values.category} onChange={(e) => form.set('category', e.target.value)}>
            {FINDING_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tx(`category.${c}`, c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('finding.severity')} errors={form.errors.severity} required>
          <select value={form.values.severity} onChange={(e) => form.set('severity', e.target.value)}>
            {FINDING_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {tx(`severity.${s}`, s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('finding.title')} errors={form.errors.title} required>
        <input type="text" value={form.values.title} maxLength={250} onChange={(e) => form.set('title', e.target.value)} />
      </Field>
      <Field label={t('finding.description')} errors={form.errors.description} required>
        <textarea rows={4} value={form.values.description} onChange={(e) => form.set('description', e.target.value)} />
      </Field>
      <Field label={t('finding.observedAt')} errors={form.errors.observedAt} required>
        <input type="datetime-local" value={form.values.observedAt} onChange={(e) => form.set('observedAt', e.target.value)} />
      </Field>
      <fieldset className="field" aria-describedby={form.errors.responsibleOfficialIds ? 'officials-error' : undefined}>
        <legend>
          {t('finding.officials')} <span className="muted">({t('common.optional')})</span>
        </legend>
        {officials.map((o) => (
          <label key={o.id} className="check">
            <input type="checkbox" checked={form.values.responsibleOfficialIds.includes(o.id)} onChange={(e) => toggleOfficial(o.id, e.target.checked)} />
            {o.fullName} <span className="muted">— {o.position}</span>
          </label>
        ))}
        {form.errors.responsibleOfficialIds ? (
          <p id="officials-error" className="error" data-field-error="">
            {form.errors.responsibleOfficialIds.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('finding.evidence')} hint={t('finding.evidenceHint')} errors={form.errors.evidence}>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          capture="environment"
          multiple
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            setStored([]);
          }}
        />
      </Field>
      {files.length ? (
        <ul className="files">
          {files.map((f) => (
            <li key={f.name}>
              {f.name} ({Math.ceil(f.size / 1024)} KB)
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="primary" disabled={form.busy}>
        {t('finding.record')}
      </button>
    </form>
  );
}
