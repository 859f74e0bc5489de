/**
 * canonicalJson (libs/event-store hashing) for values that came out of JSON.parse — no
 * Dates, toJSON, undefined, functions, bigints or non-finite numbers can occur — written for
 * speed: keys sorted by UTF-16 code units at every depth, no whitespace, array order kept,
 * strings and numbers as JSON.stringify writes them. Equal to canonicalJson on such values
 * (canonical-parsed-json.unit.spec.ts checks it).
 */
export function canonicalParsedJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? array(value) : object(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalParsedJson: ${typeof value} is not a parsed JSON value`);
  }
}

function array(items: unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) text += (i === 0 ? '' : ',') + canonicalParsedJson(items[i]);
  return `${text}]`;
}

function object(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) text += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${canonicalParsedJson(record[keys[i]])}`;
  return `${text}}`;
}
