import { ApiError } from '../api/problem';
import type { I18n } from '../i18n/i18n';

/** A translated sentence for any failure (problem+json code when known). */
export function problemText(error: unknown, { t, tx }: Pick<I18n, 't' | 'tx'>): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    return tx(`error.${error.code}`, t('error.generic', { code: error.code, detail: error.detail }));
  }
  return String(error);
}
