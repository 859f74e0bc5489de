/**
 * canonicalParsedJson(JSON.parse(text)) computed straight from PostgreSQL's jsonb text output,
 * without building objects: the verifier's hot path (one call per data and metadata column).
 *
 * jsonb prints `{"k": v, "k2": v2}` and `[a, b]` (", " and ": " separators, nothing else),
 * keys unique and ordered by length then bytes, strings escaped exactly as JSON.stringify
 * escapes them (\" \\ \b \f \n \r \t, other controls as lowercase \u00xx; jsonb cannot hold
 * lone surrogates or \u0000), numbers as numeric digits. So string values are copied verbatim,
 * keys re-sorted by UTF-16 code units (as Array#sort does), simple integers copied and other
 * numbers re-printed through Number → JSON.stringify.
 *
 * Returns null for anything outside that shape (a key with an escape, unexpected spacing,
 * a value it does not recognise): the caller then parses the text. Equality with
 * canonicalParsedJson is checked on real jsonb output in jsonb-text-canonical.int.spec.ts.
 */
export function canonicalFromJsonbText(text: string): string | null {
  src = text;
  at = 0;
  try {
    const out = value();
    return at === src.length ? out : null;
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  } finally {
    src = '';
  }
}

const UNSUPPORTED = new Error('jsonb text outside the fast path');
/** Integers JSON.stringify prints digit for digit (no -0, no leading zeros, below 1e15). */
const SIMPLE_INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** Objects up to this many keys are sorted by insertion sort on parallel arrays. */
const SMALL_OBJECT = 16;

let src = '';
let at = 0;

function value(): string {
  switch (src.charCodeAt(at)) {
    case 0x22: // "
      return string();
    case 0x7b: // {
      return object();
    case 0x5b: // [
      return array();
    case 0x74: // t
      return literal('true');
    case 0x66: // f
      return literal('false');
    case 0x6e: // n
      return literal('null');
    default:
      return number();
  }
}

function literal(word: string): string {
  if (!src.startsWith(word, at)) throw UNSUPPORTED;
  at += word.length;
  return word;
}

/** A string token with its quotes, verbatim; `at` moves past it. */
function string(): string {
  const start = at;
  let end = src.indexOf('"', at + 1);
  while (end !== -1 && escaped(end)) end = src.indexOf('"', end + 1);
  if (end === -1) throw UNSUPPORTED;
  at = end + 1;
  return src.slice(start, at);
}

/** True when the quote at `index` is preceded by an odd number of backslashes. */
function escaped(index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; src.charCodeAt(i) === 0x5c; i--) slashes += 1;
  return slashes % 2 === 1;
}

function number(): string {
  const start = at;
  for (;;) {
    const c = src.charCodeAt(at);
    // digits, '+', '-', '.', 'e', 'E'
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) at += 1;
    else break;
  }
  if (at === start) throw UNSUPPORTED;
  const token = src.slice(start, at);
  if (SIMPLE_INTEGER.test(token)) return token;
  const parsed = Number(token);
  if (!Number.isFinite(parsed)) throw UNSUPPORTED;
  return JSON.stringify(parsed);
}

function array(): string {
  at += 1;
  if (src.charCodeAt(at) === 0x5d) {
    at += 1;
    return '[]';
  }
  let out = '[';
  for (;;) {
    out += value();
    const c = src.charCodeAt(at);
    if (c === 0x5d) {
      at += 1;
      return `${out}]`;
    }
    if (c !== 0x2c || src.charCodeAt(at + 1) !== 0x20) throw UNSUPPORTED;
    at += 2;
    out += ',';
  }
}

function object(): string {
  at += 1;
  if (src.charCodeAt(at) === 0x7d) {
    at += 1;
    return '{}';
  }
  const keys: string[] = [];
  const members: string[] = [];
  for (;;) {
    if (src.charCodeAt(at) !== 0x22) throw UNSUPPORTED;
    const key = string();
    if (key.indexOf('\\') !== -1) throw UNSUPPORTED;
    if (src.charCodeAt(at) !== 0x3a || src.charCodeAt(at + 1) !== 0x20) throw UNSUPPORTED;
    at += 2;
    keys.push(key.slice(1, -1));
    members.push(`${key}:${value()}`);
    const c = src.charCodeAt(at);
    if (c === 0x7d) {
      at += 1;
      break;
    }
    if (c !== 0x2c || src.charCodeAt(at + 1) !== 0x20) throw UNSUPPORTED;
    at += 2;
  }
  return `{${sortedMembers(keys, members).join(',')}}`;
}

/** Members in the order of their keys' UTF-16 code units (keys are unique in jsonb). */
function sortedMembers(keys: string[], members: string[]): string[] {
  const n = keys.length;
  if (n > SMALL_OBJECT) {
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    return order.map((i) => members[i]);
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i];
    const member = members[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      members[j + 1] = members[j];
      j -= 1;
    }
    keys[j + 1] = key;
    members[j + 1] = member;
  }
  return members;
}
