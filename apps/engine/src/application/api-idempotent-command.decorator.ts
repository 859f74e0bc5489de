import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';

/** OpenAPI for a command endpoint: bearer auth, Idempotency-Key, optional If-Match and X-Correlation-Id. */
export function ApiIdempotentCommand(): MethodDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: 'Command id: a retry with the same key and body returns the first result and writes nothing',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected version, e.g. "3"; 409 when the resource moved on' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Recorded in every event the command writes' }),
  );
}
