import { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { canonicalParsedJson } from './canonical-parsed-json';
import { canonicalFromJsonbText } from './jsonb-text-canonical';

/** Values written as JSON.stringify writes them (what the event store appends), read back as jsonb text. */
const VALUES: unknown[] = [
  { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, e: [], f: {}, g: [[], [{}], [null, true, false]] },
  { 'é': 'Nguyễn "Văn"\n\t\b\f\r\u0001\u001f\u007f\u2028 \\ / \\"', A: 'x', '': 0, '10': 1, '9': 2, 'a b': 'x', ab: 'y', a: 'z', 'Ä': 1, 'ä': 2, '😀': 'emoji 😀 𝔸' },
  { n: [0, -1, 1.5, -2.25, 1e21, 1e-7, 123456789012345, 1234567890123456, 12345678901234567890, 0.1, 100, 1e300, -0, 3.0] },
  { nested: { deeper: { deepest: [{ k: 'v', j: [1, [2, [3]]] }] } }, list: ['a', { y: 1, x: [] }] },
  { 'key with "quote"': 1, 'back\\slash': 2, 'tab\tkey': 3 },
  { title: 'Thái độ chưa đúng mực với người dân', responsibleOfficialIds: ['8f2c0e1a-0000-4000-a000-000000000001'], severity: 'minor' },
  [1, 'two', null], 'plain text', 42, -3.5, true, null,
];
const ESCAPED_KEYS = 4;

describe('canonicalFromJsonbText on real jsonb output', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_jsonb_text'), max: 1 });
  });

  afterAll(() => pool.end());

  it.each(VALUES.map((value, i) => [i, value]))('equals canonicalParsedJson(JSON.parse(text)) for value %i', async (_i, value) => {
    const { rows } = await pool.query<{ text: string }>('SELECT ($1::text)::jsonb::text AS text', [JSON.stringify(value)]);
    const expected = canonicalParsedJson(JSON.parse(rows[0].text));
    // Keys with escapes are left to the parser (null); everything else takes the fast path.
    expect(canonicalFromJsonbText(rows[0].text)).toBe(_i === ESCAPED_KEYS ? null : expected);
  });

  it('takes the fast path for ordinary event data (no fallback to parsing)', async () => {
    const { rows } = await pool.query<{ text: string }>('SELECT ($1::text)::jsonb::text AS text', [JSON.stringify(VALUES[5])]);
    expect(canonicalFromJsonbText(rows[0].text)).toBe(canonicalParsedJson(VALUES[5]));
  });

  it('returns null rather than guess on text outside jsonb’s shape', () => {
    expect(canonicalFromJsonbText('{"a":1}')).toBeNull();
    expect(canonicalFromJsonbText('{"a\\"b": 1}')).toBeNull();
    expect(canonicalFromJsonbText('[1,2]')).toBeNull();
    expect(canonicalFromJsonbText('{"a": 1} ')).toBeNull();
  });
});
