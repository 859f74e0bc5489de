/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units) at every depth, no whitespace,
 * array order kept. Follows JSON.stringify for everything else (toJSON, e.g. Date -> ISO string;
 * undefined and function members dropped; undefined in arrays and non-finite numbers -> null),
 * so canonicalJson(x) === canonicalJson(JSON.parse(JSON.stringify(x))).
 */
export function canonicalJson(value: unknown): string {
  const text = serialise(value);
  if (text === undefined) throw new TypeError('canonicalJson: value is not representable as JSON');
  return text;
}

function serialise(input: unknown): string | undefined {
  const value = withToJson(input);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON; convert it to a string first');
    case 'object':
      return Array.isArray(value) ? serialiseArray(value) : serialiseObject(value as Record<string, unknown>);
    default:
      return undefined; // undefined, function, symbol
  }
}

function withToJson(value: unknown): unknown {
  const candidate = value as { toJSON?: () => unknown } | null;
  return candidate !== null && typeof candidate === 'object' && typeof candidate.toJSON === 'function'
    ? candidate.toJSON()
    : value;
}

function serialiseArray(items: unknown[]): string {
  return `[${items.map((item) => serialise(item) ?? 'null').join(',')}]`;
}

function serialiseObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const text = serialise(object[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
