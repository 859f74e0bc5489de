import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CodedHttpException } from './coded-http.exception';
import type { FieldError } from './problem-details';

/**
 * Global DTO validation: unknown properties are refused (whitelist + forbidNonWhitelisted),
 * payloads become DTO instances, failures → 400 VALIDATION.FAILED naming every bad field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new CodedHttpException(400, 'VALIDATION.FAILED', 'The request body is invalid', fieldErrors(errors)),
  });
}

/** Flattens class-validator's tree; nested paths are dotted, array items are [n]. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) result.push({ field, message });
    if (error.children?.length) result.push(...fieldErrors(error.children, field));
  }
  return result;
}
