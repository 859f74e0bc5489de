import type { Page } from 'playwright-core';
import { DEMO_OFFICIAL_IDS } from '../../apps/engine/src/demo/demo-organisation';
import { accessibilityProblems, chromiumAvailable, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startWebTestEngine, type WebTestEngine } from './support/web-engine';

/**
 * The disciplinary board in a real browser against the real engine: the secretary opens a
 * case, schedules and records the hearing; board members vote; a board member reads the case
 * and its timeline in Vietnamese, switches to English and follows the link to the subject's
 * history; the secretary records the decision. The tests run in order and share the case.
 */
const run = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.log('SKIPPED: chromium not installed');

const DESKTOP = { width: 1280, height: 900 };
const SUBJECT = DEMO_OFFICIAL_IDS.dienBienJusticeOfficer; // Phan Thị Yến
const SUMMARY = 'Nhiều lần không niêm yết thủ tục hành chính mới tại bộ phận một cửa';

run('disciplinary board screens in Chromium', () => {
  let engine: WebTestEngine;
  let caseUrl = '';

  beforeAll(async () => {
    engine = await startWebTestEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });

  async function signIn(browser: BrowserSession, sub: string): Promise<Page> {
    const { page } = browser;
    await page.goto(`${engine.baseUrl}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Người dùng mẫu').selectOption(sub);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    return page;
  }
  const expectAccessible = async (page: Page) => expect(await accessibilityProblems(page)).toEqual([]);

  it('the secretary opens a case, schedules and records the hearing', async () => {
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, 'demo-board-secretary');
      await page.getByRole('navigation').getByRole('link', { name: 'Vụ việc kỷ luật' }).click();
      await page.getByRole('heading', { name: 'Vụ việc kỷ luật', level: 1 }).waitFor();
      await page.getByText('Không có vụ việc nào.').waitFor();
      await expectAccessible(page);

      const open = page.getByRole('form', { name: 'Mở vụ việc' });
      await open.getByLabel('Người bị xem xét').selectOption(SUBJECT);
      await open.getByRole('button', { name: 'Mở vụ việc' }).click();
      const summary = open.getByLabel('Nội dung');
      expect(await summary.getAttribute('aria-invalid')).toBe('true'); // client-side: nothing sent
      await summary.fill(SUMMARY);
      await open.getByRole('button', { name: 'Mở vụ việc' }).click();
      await page.getByRole('heading', { name: 'Vụ việc kỷ luật: Phan Thị Yến' }).waitFor();
      caseUrl = new URL(page.url()).pathname;
      expect(caseUrl).toMatch(/^\/board\/cases\/[0-9a-f-]{36}$/);

      const hearing = page.getByRole('form', { name: 'Lên lịch họp xét' });
      await hearing.getByLabel('Địa điểm').fill('Phòng họp số 2, UBND quận Ba Đình');
      await hearing.getByRole('button', { name: 'Lên lịch họp xét' }).click();
      await page.getByText('Đã thực hiện: Lên lịch họp xét.').waitFor();
      await page.locator('.badge', { hasText: 'Đã lên lịch họp' }).waitFor();

      // The server refuses a hearing held in the future: the message sits next to that field, the minutes stay.
      const record = page.getByRole('form', { name: 'Ghi biên bản họp xét' });
      await record.getByLabel('Thành phần dự họp').selectOption([DEMO_OFFICIAL_IDS.dienBienChairman, SUBJECT]);
      await record.getByLabel('Biên bản').fill('Bà Yến trình bày; hội đồng thảo luận.');
      const heldAt = record.getByLabel('Đã họp lúc');
      await heldAt.fill(`${new Date().getFullYear() + 1}-01-02T09:00`);
      await record.getByRole('button', { name: 'Ghi biên bản họp xét' }).click();
      await record.locator('.field--error [data-field-error]').waitFor();
      expect(await heldAt.getAttribute('aria-invalid')).toBe('true');
      expect(await record.getByLabel('Biên bản').inputValue()).toBe('Bà Yến trình bày; hội đồng thảo luận.');
      const now = new Date(Date.now() + 7 * 3600_000 - 60_000).toISOString().slice(0, 16); // Vietnam time, a minute ago
      await heldAt.fill(now);
      await record.getByRole('button', { name: 'Ghi biên bản họp xét' }).click();
      await page.getByText('Đã thực hiện: Ghi biên bản họp xét.').waitFor();
      await page.locator('.badge', { hasText: 'Đã họp xét' }).waitFor();
      await expectAccessible(page);
    } finally {
      await browser.close();
    }
  });

  it('a board member opens the case, votes, reads the timeline in Vietnamese, then in English', async () => {
    const caseId = caseUrl.split('/').pop();
    for (const member of ['board-member-2', 'board-member-3']) {
      const token = await engine.token('board_member', member);
      const vote = await engine.http.post(`/api/v1/cases/${caseId}/votes`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', `vote-${member}`).send({ decisionKind: 'reprimand' });
      expect(vote.status).toBe(200);
    }
    await engine.catchUp();
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, 'demo-board-member');
      await page.getByRole('navigation').getByRole('link', { name: 'Vụ việc kỷ luật' }).click();
      const list = page.getByTestId('case-list');
      await list.getByRole('row', { name: new RegExp(SUMMARY) }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'board-cases');
      await list.getByRole('link', { name: 'Phan Thị Yến' }).click();
      await page.getByRole('heading', { name: 'Vụ việc kỷ luật: Phan Thị Yến' }).waitFor();

      const vote = page.getByRole('form', { name: 'Bỏ phiếu' });
      await vote.getByLabel('Hình thức').selectOption('reprimand');
      await vote.getByRole('button', { name: 'Bỏ phiếu' }).click();
      await page.getByText('Đã thực hiện: Bỏ phiếu.').waitFor();
      await page.getByTestId('case-votes').getByRole('row', { name: 'Khiển trách 3' }).waitFor();

      const timeline = page.getByTestId('timeline');
      await timeline.getByText('Bỏ phiếu').first().waitFor();
      const vi = (await timeline.textContent()) ?? '';
      for (const label of ['Mở vụ việc kỷ luật', 'Lên lịch họp xét', 'Biên bản họp xét', 'Bỏ phiếu', 'Thư ký hội đồng kỷ luật', 'Thành viên hội đồng kỷ luật']) expect(vi).toContain(label);
      expect(vi).toMatch(/(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await expectAccessible(page);
      await screenshot(page, 'board-case-vi');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Disciplinary case: Phan Thị Yến' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const en = (await timeline.textContent()) ?? '';
      for (const label of ['Disciplinary case opened', 'Hearing scheduled', 'Hearing recorded', 'Vote cast', 'Disciplinary board secretary']) expect(en).toContain(label);
      expect(en).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}\/\d{2}\/\d{4}/);
      expect(en).not.toContain('Mở vụ việc kỷ luật');
      await page.getByText('Done: Cast vote.').waitFor(); // the notice follows the language too
      await page.getByRole('row', { name: 'Reprimand 3' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'board-case-en');

      // The subject's whole history, one click away.
      await page.getByRole('link', { name: 'History of Phan Thị Yến' }).click();
      await page.getByRole('heading', { name: 'History of Phan Thị Yến' }).waitFor();
      await page.getByTestId('timeline').getByText('Disciplinary case opened').first().waitFor();
      await expectAccessible(page);
    } finally {
      await browser.close();
    }
  });

  it('the secretary records the decision; the case shows when it is carried out', async () => {
    await engine.catchUp();
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, 'demo-board-secretary');
      await page.goto(`${engine.baseUrl}${caseUrl}`);
      const decision = page.getByRole('form', { name: 'Ghi quyết định' });
      await decision.getByLabel('Hình thức').selectOption('reprimand');
      await decision.getByLabel('Lý do').fill('Vi phạm lặp lại quy định niêm yết thủ tục hành chính.');
      await decision.getByRole('button', { name: 'Ghi quyết định' }).click();
      await page.getByText('Đã thực hiện: Ghi quyết định.').waitFor();
      await page.locator('.badge', { hasText: 'Đã quyết định' }).waitFor();
      await page.getByText(/Thi hành ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
      await page.getByTestId('timeline').getByText('Quyết định kỷ luật').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'board-case-decided');
    } finally {
      await browser.close();
    }
  });
});
