import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('does not depend on insertion order', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('follows JSON.stringify for dates, undefined, non-finite numbers and escapes', () => {
    const value = { when: new Date('2024-01-02T03:04:05.006Z'), gone: undefined, list: [undefined, NaN], s: 'é"\n' };
    expect(canonicalJson(value)).toBe('{"list":[null,null],"s":"é\\"\\n","when":"2024-01-02T03:04:05.006Z"}');
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('refuses bigints and values with no JSON form', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
