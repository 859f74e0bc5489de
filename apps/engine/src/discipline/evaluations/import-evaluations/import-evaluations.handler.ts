import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rectify/domain';
import { deterministicUuid } from '@rectify/workflow';
import type { RequestContext } from '../../../application';
import { CodedHttpException } from '../../../http/coded-http.exception';
import { EvaluationWriter, type EvaluationResponse } from '../evaluation-writer';
import { CsvFormatError, parseEvaluationCsv } from './evaluation-csv';

export interface ImportRowReport {
  row: number;
  officialId: string | null;
  period: string | null;
  status: 'accepted' | 'rejected';
  /** For accepted rows: the rating as written. */
  evaluation?: EvaluationResponse;
  code?: string;
  message?: string;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  /** Exactly what was written: one entry per accepted row (a retried row reports its first write). */
  report: ImportRowReport[];
}

export class ImportEvaluationsCommand extends Command<ImportReport> {
  constructor(
    readonly csv: string,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/**
 * Each row is its own idempotent command keyed by (Idempotency-Key, row number): good rows
 * are written even when others fail, and a retry of the whole file writes nothing twice.
 * Rows run one after another, so the report's order is the file's.
 */
@CommandHandler(ImportEvaluationsCommand)
export class ImportEvaluationsHandler implements ICommandHandler<ImportEvaluationsCommand, ImportReport> {
  constructor(private readonly writer: EvaluationWriter) {}

  async execute({ csv, request }: ImportEvaluationsCommand): Promise<ImportReport> {
    let rows;
    try {
      rows = parseEvaluationCsv(csv);
    } catch (error) {
      if (error instanceof CsvFormatError) throw new CodedHttpException(422, error.code, error.message, [{ field: 'body', message: error.message }]);
      throw error;
    }
    const report: ImportRowReport[] = [];
    for (const row of rows) {
      if (!row.ok) {
        report.push({ row: row.row, officialId: row.officialId, period: row.period, status: 'rejected', code: row.code, message: row.message });
        continue;
      }
      const key = deterministicUuid('evaluation-import', request.idempotencyKey, String(row.row));
      try {
        const evaluation = await this.writer.write(row, request, key);
        report.push({ row: row.row, officialId: row.officialId, period: row.period, status: 'accepted', evaluation });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        report.push({ row: row.row, officialId: row.officialId, period: row.period, status: 'rejected', code: error.code, message: error.message });
      }
    }
    const accepted = report.filter((r) => r.status === 'accepted').length;
    return { rows: rows.length, accepted, rejected: rows.length - accepted, report };
  }
}
