import { canonicalJson } from '@rectify/event-store';
import { canonicalParsedJson } from './canonical-parsed-json';

describe('canonicalParsedJson', () => {
  it.each([
    ['nested objects and arrays', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, e: [] , f: {} }],
    ['escapes, Vietnamese text and unusual keys', { 'é': 'Nguyễn "Văn"\n\t\u0001', A: 'x', '': 0, '10': 1, '9': 2, 'a b': [null, true, false] }],
    ['numbers', { n: [0, -1, 1.5, 1e21, 1e-7, -0, 123456789012345680000] }],
    ['scalars', 'text'],
    ['null', null],
  ])('equals canonicalJson on parsed JSON: %s', (_name, value) => {
    const parsed = JSON.parse(JSON.stringify(value)) as unknown;
    expect(canonicalParsedJson(parsed)).toBe(canonicalJson(parsed));
  });
});
