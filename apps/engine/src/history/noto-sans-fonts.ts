import { dirname, join } from 'node:path';

/**
 * Noto Sans from @fontsource/noto-sans comes in Unicode subsets: "latin" holds ASCII and
 * Latin-1 (à, á, â, ê, ô…), "vietnamese" holds the rest of Vietnamese (ă, đ, ơ, ư, ạ…ỹ).
 * A text is rendered in runs, each in the subset that has its characters.
 */
const VIETNAMESE_RANGES: ReadonlyArray<[number, number]> = [
  [0x0102, 0x0103], [0x0110, 0x0111], [0x0128, 0x0129], [0x0168, 0x0169], [0x01a0, 0x01a1], [0x01af, 0x01b0],
  [0x0300, 0x0301], [0x0303, 0x0304], [0x0308, 0x0309], [0x0323, 0x0323], [0x0329, 0x0329], [0x1ea0, 0x1ef9], [0x20ab, 0x20ab],
];

export type FontSubset = 'latin' | 'vietnamese';

export function fontFile(subset: FontSubset, weight: 400 | 700): string {
  const root = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  return join(root, 'files', `noto-sans-${subset}-${weight}-normal.woff`);
}

export function subsetOf(codePoint: number): FontSubset {
  return VIETNAMESE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 'vietnamese' : 'latin';
}

/** Splits NFC-normalised text into runs of one subset each. */
export function fontRuns(text: string): Array<{ subset: FontSubset; text: string }> {
  const runs: Array<{ subset: FontSubset; text: string }> = [];
  for (const char of text.normalize('NFC')) {
    const subset = subsetOf(char.codePointAt(0) as number);
    const last = runs.at(-1);
    // The vietnamese subset has no space glyph: spaces always go to latin runs.
    if (last && last.subset === subset) last.text += char;
    else runs.push({ subset, text: char });
  }
  return runs;
}
