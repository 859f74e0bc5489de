import { useState } from 'react';
import { ApiError, fieldProblems } from '../api/problem';
import { newIdempotencyKey } from '../api/client';
import { useI18n } from '../i18n/i18n';

export type FieldErrors = Record<string, string[]>;

/**
 * Form state that survives a refusal: values stay as typed; the server's problem+json
 * errors land next to their fields; one Idempotency-Key per submission attempt sequence,
 * renewed only after success (so a retried network failure cannot record twice).
 */
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const { t, tx } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const set = <K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value }));

  async function submit<R>(validate: (v: V) => FieldErrors, send: (v: V, idempotencyKey: string) => Promise<R>): Promise<R | undefined> {
    const clientErrors = validate(values);
    if (Object.keys(clientErrors).length) {
      setErrors(clientErrors);
      setAlert(t('common.formErrors'));
      return undefined;
    }
    setBusy(true);
    setErrors({});
    setAlert(null);
    try {
      const result = await send(values, key);
      setKey(newIdempotencyKey());
      return result;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 0) {
        setAlert(t('error.network'));
        return undefined;
      }
      // A refusal is final for this body: a corrected resubmission needs a new key.
      setKey(newIdempotencyKey());
      const byField = fieldProblems(error);
      const translated: FieldErrors = {};
      for (const [field, messages] of Object.entries(byField)) {
        translated[field] = messages.map((m) => (error.code === 'VALIDATION.FAILED' ? t(validationKey(m)) : tx(`error.${error.code}`, m)));
      }
      setErrors(translated);
      setAlert(Object.keys(translated).length ? t('common.formErrors') : tx(`error.${error.code}`, t('error.generic', { code: error.code, detail: error.detail })));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { values, set, setValues, errors, setErrors, alert, setAlert, busy, submit, reset: () => setValues(initial) };
}

/** class-validator's English message → a translated, field-local message. */
function validationKey(message: string): 'error.fieldRequired' | 'error.fieldTooLong' | 'error.fieldInvalid' {
  if (/should not be empty|longer than or equal to 1 characters|must contain at least 1 elements/.test(message)) return 'error.fieldRequired';
  if (/shorter than or equal to/.test(message)) return 'error.fieldTooLong';
  return 'error.fieldInvalid';
}
