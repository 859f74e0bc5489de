import { parse } from 'csv-parse/sync';
import { EVALUATION_RATINGS, type EvaluationRating } from '@rectify/domain';

export const IMPORT_MAX_ROWS = 5000;
const COLUMNS = ['officialId', 'period', 'rating', 'note'] as const;

export type CsvRow =
  | { row: number; ok: true; officialId: string; period: string; rating: EvaluationRating; note: string }
  | { row: number; ok: false; officialId: string | null; period: string | null; code: string; message: string };

export class CsvFormatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses `officialId,period,rating,note` (header required, note optional). Row numbers are
 * 1-based data rows (the header is row 0). A malformed file (no header, unparseable CSV, too
 * many rows) is refused whole; a bad row is reported and never stops the others.
 */
export function parseEvaluationCsv(text: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as string[][];
  } catch (error) {
    throw new CsvFormatError('IMPORT.INVALID_CSV', `The CSV could not be parsed: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  const names = (header ?? []).map((h) => h.trim());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)]));
  if (index.officialId < 0 || index.period < 0 || index.rating < 0) {
    throw new CsvFormatError('IMPORT.MISSING_COLUMNS', `The header must name officialId, period, rating (and optionally note); got '${names.join(',')}'`);
  }
  if (rows.length > IMPORT_MAX_ROWS) throw new CsvFormatError('IMPORT.TOO_MANY_ROWS', `At most ${IMPORT_MAX_ROWS} rows per import (got ${rows.length})`);
  return rows.map((cells, i) => checkRow(i + 1, (c) => (index[c] >= 0 ? (cells[index[c]] ?? '') : '')));
}

function checkRow(row: number, cell: (c: (typeof COLUMNS)[number]) => string): CsvRow {
  const officialId = cell('officialId') || null;
  const period = cell('period') || null;
  const reject = (code: string, message: string): CsvRow => ({ row, ok: false, officialId, period, code, message });
  if (!officialId || !UUID.test(officialId)) return reject('IMPORT.INVALID_OFFICIAL_ID', 'officialId must be a uuid');
  if (!period) return reject('EVALUATION.INVALID_PERIOD', 'period is required (YYYY-MM or YYYY)');
  const rating = cell('rating');
  if (!EVALUATION_RATINGS.includes(rating as EvaluationRating)) {
    return reject('EVALUATION.INVALID_RATING', `rating must be one of ${EVALUATION_RATINGS.join(', ')}`);
  }
  return { row, ok: true, officialId, period, rating: rating as EvaluationRating, note: cell('note') };
}
