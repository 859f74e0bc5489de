import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { formatDate, formatDateTime, formatDayDate, interpolate, type Lang } from './format';
import { vi, type MessageKey } from './vi';

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'rectify.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A key built at run time (enum values, error codes); `fallback` when it is unknown. */
  tx(key: string, fallback: string, params?: Record<string, string | number>): string;
  date(value: string | null | undefined): string;
  dayDate(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi'; // Vietnamese by default
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[lang];
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(catalogue[key], params),
      tx: (key, fallback, params) => interpolate(key in catalogue ? catalogue[key as MessageKey] : fallback, params),
      date: (value) => formatDate(value),
      dayDate: (value) => formatDayDate(value, lang),
      dateTime: (value) => formatDateTime(value, lang),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
