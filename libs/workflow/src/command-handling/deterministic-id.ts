import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 v8 layout over sha256): the same inputs always give the
 * same id. Events written for a command get ids derived from its idempotency key, so a
 * retried command produces the same event ids and the store recognises the retry.
 */
export function deterministicUuid(...parts: readonly string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
