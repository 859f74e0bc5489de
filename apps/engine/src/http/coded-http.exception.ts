import { HttpException } from '@nestjs/common';
import type { FieldError } from './problem-details';

/** An HttpException whose body carries a stable code (and field errors), read by the problem filter. */
export class CodedHttpException extends HttpException {
  constructor(status: number, code: string, message: string, errors?: FieldError[]) {
    super({ code, message, ...(errors ? { errors } : {}) }, status);
  }
}
