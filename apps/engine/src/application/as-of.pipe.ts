import { Injectable, type PipeTransform } from '@nestjs/common';
import { isISO8601 } from 'class-validator';
import { CodedHttpException } from '../http/coded-http.exception';

/** Parses an optional ISO-8601 instant query parameter (asOf, until); 400 when malformed. */
@Injectable()
export class AsOfPipe implements PipeTransform<string | undefined, Date | undefined> {
  transform(value: string | undefined): Date | undefined {
    if (value === undefined || value === '') return undefined;
    if (!isISO8601(value, { strict: true, strictSeparator: true }) || Number.isNaN(Date.parse(value))) {
      throw new CodedHttpException(400, 'QUERY.INVALID_INSTANT', `'${value}' is not an ISO-8601 date-time`, [
        { field: 'asOf', message: 'must be an ISO-8601 date-time, e.g. 2023-02-01T00:00:00+07:00' },
      ]);
    }
    return new Date(value);
  }
}
