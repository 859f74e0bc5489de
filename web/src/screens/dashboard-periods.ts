/** Periods of the dashboard: Vietnam civil dates and the [from, to) instants the reports take. Pure. */

export const startOfDay = (date: string) => `${date}T00:00:00+07:00`;

export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The months of [from, to] as [label MM/yyyy, first instant, first instant of the next month]; at most 24. */
export function months(from: string, to: string): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  while (out.length < 24) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > endKey) break;
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    out.push({ label: `${key.slice(5)}/${year}`, from: startOfDay(`${key}-01`), to: startOfDay(`${nextYear}-${String(nextMonth).padStart(2, '0')}-01`) });
    year = nextYear;
    month = nextMonth;
  }
  return out;
}
