import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium (`apt-get install -y chromium`); playwright downloads nothing here. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium with a new, empty user-data-dir (so no state leaks between actors). */
export async function openBrowser(viewport: { width: number; height: number }, locale = 'vi-VN'): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rectify-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport,
    locale,
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const RESULTS_DIR = join(__dirname, '../../../test-results/web');
const DOCS_DIR = join(__dirname, '../../../docs/screenshots');

/** Saves to test-results/web/; with UPDATE_SCREENSHOTS=1 also to docs/screenshots/ (committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_DIR, { recursive: true });
    await page.screenshot({ path: join(DOCS_DIR, `${name}.png`), fullPage: true });
  }
}

const A11Y_CHECK = readFileSync(join(__dirname, 'a11y-check.browser.js'), 'utf8');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Accessibility problems of the current page (empty when none): axe-core's serious and
 * critical violations (WCAG 2 A/AA rules), plus our own checks — every visible form control
 * has an accessible name, every button and link has a name, aria-describedby points at
 * existing elements, exactly one h1 and a main landmark, and <html lang> is set.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const own = (await page.evaluate(A11Y_CHECK)) as string[];
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')})`);
  return [...own, ...serious];
}
