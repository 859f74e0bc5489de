/**
 * Dates as users in Vietnam read them, whatever the browser's time zone: Vietnam civil time
 * (UTC+7, no daylight saving), dd/MM/yyyy, Vietnamese day names. Pure: no DOM, no clock.
 */
export type Lang = 'vi' | 'en';

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_NAMES: Record<Lang, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** The instant's Vietnam civil fields, or null for an unparsable input. */
function vietnamFields(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + VN_OFFSET_MS);
}

/** dd/MM/yyyy; a bare YYYY-MM-DD is a Vietnam calendar date. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = vietnamFields(value);
  if (!d) return String(value);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "Thứ Hai, 24/11/2026" / "Monday, 24/11/2026". */
export function formatDayDate(value: string | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const d = vietnamFields(value);
  if (!d) return String(value);
  return `${DAY_NAMES[lang][d.getUTCDay()]}, ${formatDate(value)}`;
}

/** "Thứ Hai, 24/11/2026 08:15" (24-hour clock, Vietnam time). */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const d = vietnamFields(value);
  if (!d) return String(value);
  return `${formatDayDate(value, lang)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The Vietnam calendar date (YYYY-MM-DD) of an instant. */
export function vietnamDate(value: Date): string {
  const d = new Date(value.getTime() + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The value of a datetime-local input (Vietnam time) for an instant. */
export function toVietnamLocalInput(value: Date): string {
  const d = new Date(value.getTime() + VN_OFFSET_MS);
  return `${vietnamDate(value)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A datetime-local value read as Vietnam time → ISO 8601 with +07:00, or null. */
export function fromVietnamLocalInput(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return match ? `${match[1]}T${match[2]}:${match[3]}:00+07:00` : null;
}

/** Replaces {name} placeholders. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
