import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEMO_OFFICIAL_IDS, DEMO_UNIT_IDS } from '../../apps/engine/src/demo/demo-organisation';
import { accessibilityProblems, chromiumAvailable, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startWebTestEngine, type WebTestEngine } from './support/web-engine';

/**
 * The web app in a real browser (Debian Chromium via playwright-core) against the real engine
 * on embedded PostgreSQL: one finding from the inspector's phone to closure, then a board
 * member reading the responsible official's history in Vietnamese and in English.
 * The tests run in order and share the finding.
 */
const run = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.log('SKIPPED: chromium not installed');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// A 1×1 PNG: the "photo" taken on site.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const TITLE = 'Thủ tục hành chính không được niêm yết đầy đủ';

run('web app in Chromium', () => {
  let engine: WebTestEngine;
  let findingUrl = '';

  beforeAll(async () => {
    engine = await startWebTestEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });

  async function signIn(browser: BrowserSession, sub: string, role?: string): Promise<Page> {
    const { page } = browser;
    await page.goto(`${engine.baseUrl}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Người dùng mẫu').selectOption(sub);
    if (role) await page.getByLabel('Vai trò').selectOption(role);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    return page;
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityProblems(page)).toEqual([]);
  }

  it('inspector records a finding with a photo on a 390×844 phone screen', async () => {
    const browser = await openBrowser(PHONE);
    try {
      const { page } = browser;
      await page.goto(`${engine.baseUrl}/`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      await expectAccessible(page);
      await screenshot(page, 'sign-in-phone');

      await signIn(browser, DEMO_OFFICIAL_IDS.cityInspector1);
      await page.getByRole('heading', { name: 'Mở cuộc kiểm tra' }).waitFor();
      await expectAccessible(page);
      await page.getByLabel('Hình thức kiểm tra').selectOption('surprise');
      await page.getByLabel('Đơn vị được kiểm tra').selectOption(DEMO_UNIT_IDS.dienBienWard);
      await screenshot(page, 'inspector-open-inspection-phone');
      await page.getByRole('button', { name: 'Mở cuộc kiểm tra' }).click();
      await page.getByRole('heading', { name: 'Đột xuất — UBND phường Điện Biên' }).waitFor();

      // Client-side validation: nothing sent, the error sits next to the field.
      await page.getByRole('button', { name: 'Ghi nhận phát hiện' }).click();
      const title = page.getByLabel('Tiêu đề');
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.field--error', { has: title }).locator('[data-field-error]').textContent()).toContain('Tiêu đề');

      // The server's problem+json (400 naming `description`) lands next to that field; what was typed stays.
      await page.getByLabel('Nhóm vi phạm').selectOption('procedure_posting');
      await page.getByLabel('Mức độ').selectOption('major');
      await title.fill(TITLE);
      const description = page.getByLabel('Mô tả');
      await description.fill('x'.repeat(5001));
      await page.getByRole('button', { name: 'Ghi nhận phát hiện' }).click();
      await page.locator('.field--error', { has: description }).locator('[data-field-error]').waitFor();
      expect(await description.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').first().textContent()).toContain('Vui lòng sửa');
      expect(await title.inputValue()).toBe(TITLE);

      await description.fill('Bộ phận một cửa chưa niêm yết 12 thủ tục mới.');
      await page.getByRole('checkbox', { name: /Phan Thị Yến/ }).check();
      await page.getByLabel('Ảnh, tài liệu chứng cứ').setInputFiles({ name: 'niem-yet.png', mimeType: 'image/png', buffer: PHOTO });
      await page.getByRole('button', { name: 'Ghi nhận phát hiện' }).click();
      await page.getByText('Đã ghi nhận phát hiện.').waitFor();
      await page.getByTestId('finding-list').getByRole('link', { name: TITLE }).waitFor();
      expect(await title.inputValue()).toBe(''); // ready for the next finding
      await expectAccessible(page);
      await screenshot(page, 'inspector-record-finding-phone');

      await page.getByTestId('finding-list').getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      findingUrl = new URL(page.url()).pathname;
      expect(await page.getByText('niem-yet.png').count()).toBeGreaterThan(0);
      // The photo was uploaded (POST /evidence), not just hashed: stored under its sha256 and downloadable.
      const sha256 = createHash('sha256').update(PHOTO).digest('hex');
      expect(await page.locator(`[data-sha256="${sha256}"]`).count()).toBeGreaterThan(0);
      const token = await engine.token('inspector', DEMO_OFFICIAL_IDS.cityInspector1);
      const stored = await engine.http.get(`/api/v1/evidence/${sha256}`).set('Authorization', `Bearer ${token}`).buffer(true);
      expect(stored.status).toBe(200);
      expect(stored.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(stored.body as Buffer, PHOTO)).toBe(0);
      // …and the finding screen shows it: fetched with the bearer token, the hash checked by the server.
      await page.getByRole('button', { name: 'Mở niem-yet.png' }).click();
      await page.getByRole('img', { name: 'niem-yet.png' }).waitFor();
      expect(await page.getByText('Chờ tiếp thu').count()).toBeGreaterThan(0);
      await screenshot(page, 'inspector-finding-phone');
    } finally {
      await browser.close();
    }
  });

  it('unit head acknowledges from the inbox, plans and submits evidence', async () => {
    expect(findingUrl).toMatch(/^\/findings\//);
    await engine.catchUp();
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, DEMO_OFFICIAL_IDS.dienBienChairman);
      await page.getByRole('heading', { name: 'Hộp việc' }).waitFor();
      await page.getByRole('link', { name: TITLE }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'unit-head-inbox');

      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Tiếp thu' }).click();
      await page.getByText('Đã thực hiện: Tiếp thu.').waitFor();

      const plan = page.getByRole('form', { name: 'Nộp kế hoạch khắc phục' });
      await plan.getByLabel('Các biện pháp').fill('Niêm yết đủ 12 thủ tục\nKiểm tra lại hằng tuần');
      await plan.getByLabel('Ngày hoàn thành dự kiến').fill('2099-12-31');
      await plan.getByRole('button', { name: 'Nộp kế hoạch khắc phục' }).click();
      await page.getByText('Đã thực hiện: Nộp kế hoạch khắc phục.').waitFor();

      const evidence = page.getByRole('form', { name: 'Nộp kết quả khắc phục' });
      await evidence.getByLabel('Mô tả kết quả khắc phục').fill('Đã niêm yết đầy đủ, ảnh bảng niêm yết mới.');
      await evidence.getByLabel('Tệp đính kèm').setInputFiles({ name: 'bang-niem-yet.png', mimeType: 'image/png', buffer: PHOTO });
      await evidence.getByRole('button', { name: 'Nộp kết quả khắc phục' }).click();
      await page.getByText('Đã thực hiện: Nộp kết quả khắc phục.').waitFor();
      await page.locator('.badge', { hasText: 'Chờ thẩm định' }).waitFor();
      await page.getByTestId('timeline').getByText('Nộp kết quả khắc phục').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'unit-head-finding-detail');
    } finally {
      await browser.close();
    }
  });

  it('inspector verifies on the phone; the unit head closes', async () => {
    // A new browser reads the read models: let them take in the other actor's commands first.
    await engine.catchUp();
    const inspector = await openBrowser(PHONE);
    try {
      const page = await signIn(inspector, DEMO_OFFICIAL_IDS.cityInspector1);
      await page.goto(`${engine.baseUrl}${findingUrl}`);
      await page.getByRole('button', { name: 'Đạt — chấp nhận' }).click();
      await page.locator('.badge', { hasText: 'Đã thẩm định' }).waitFor();
      await screenshot(page, 'inspector-verify-phone');
    } finally {
      await inspector.close();
    }
    await engine.catchUp();
    const head = await openBrowser(DESKTOP);
    try {
      const page = await signIn(head, DEMO_OFFICIAL_IDS.dienBienChairman);
      await page.goto(`${engine.baseUrl}${findingUrl}`);
      await page.getByRole('button', { name: 'Đóng phát hiện' }).click();
      await page.locator('.badge', { hasText: 'Đã đóng' }).waitFor();
      await page.getByTestId('timeline').getByText('Đóng phát hiện').waitFor();
    } finally {
      await head.close();
    }
  });

  it('a board member reads the official’s timeline in Vietnamese, then in English', async () => {
    await engine.catchUp();
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, 'demo-board-member');
      await page.getByRole('heading', { name: 'Hồ sơ quá trình công tác' }).waitFor();
      await page.getByLabel('Cán bộ').selectOption(DEMO_OFFICIAL_IDS.dienBienJusticeOfficer);
      await page.getByRole('heading', { name: 'Diễn biến của Phan Thị Yến' }).waitFor();
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('Đơn vị tiếp thu').waitFor();
      const text = (await timeline.textContent()) ?? '';
      for (const label of ['Ghi nhận phát hiện', 'Nộp kế hoạch khắc phục', 'Thẩm định đạt', 'Đóng phát hiện', 'Người đứng đầu đơn vị']) expect(text).toContain(label);
      expect(text).toMatch(/(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await expectAccessible(page);
      await screenshot(page, 'board-timeline-vi');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'History of Phan Thị Yến' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const english = (await timeline.textContent()) ?? '';
      for (const label of ['Finding recorded', 'Acknowledged by the unit', 'Remediation accepted', 'Finding closed', 'Head of unit']) expect(english).toContain(label);
      expect(english).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}\/\d{2}\/\d{4}/);
      expect(english).not.toContain('Đơn vị tiếp thu');
      await expectAccessible(page);
      await screenshot(page, 'board-timeline-en');

      // Filter: only the unit head's events.
      await page.getByLabel('Role of the actor').selectOption('unit_head');
      const filtered = (await timeline.textContent()) ?? '';
      expect(filtered).not.toContain('Finding recorded');
      expect(filtered).toContain('Finding closed');
    } finally {
      await browser.close();
    }
  });

  it('administration: deadline policy and calendar overrides as forms, errors next to the field', async () => {
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, 'demo-admin');
      await page.getByRole('heading', { name: 'Quản trị', exact: true }).waitFor();
      await page.getByRole('cell', { name: 'UBND phường Điện Biên' }).waitFor();
      await expectAccessible(page);

      const policy = page.locator('form', { has: page.getByRole('heading', { name: 'Chính sách thời hạn' }) });
      const escalations = policy.getByLabel('Cảnh báo cấp 1, 2, 3 sau hạn (ngày làm việc)');
      await escalations.fill('0, 5');
      await policy.getByRole('button', { name: 'Lưu chính sách thời hạn' }).click();
      expect(await escalations.getAttribute('aria-invalid')).toBe('true');
      expect(await policy.locator('.field--error [data-field-error]').textContent()).toContain('đúng 3 số');
      await escalations.fill('0, 5, 10');
      await policy.getByLabel('Hạn tiếp thu (ngày làm việc)').fill('3');
      await policy.getByRole('button', { name: 'Lưu chính sách thời hạn' }).click();
      await policy.getByText('Phiên bản 1.').waitFor();
      expect(await policy.getByLabel('Hạn tiếp thu (ngày làm việc)').inputValue()).toBe('3');

      const year = new Date().getFullYear();
      const overrides = page.getByRole('form', { name: 'Điều chỉnh lịch của quản trị viên' });
      await overrides.getByRole('button', { name: 'Thêm vào Ngày nghỉ bổ sung' }).click();
      await overrides.getByLabel('Ngày (dòng 1)').fill(`${year}-12-30`);
      await overrides.getByRole('button', { name: 'Lưu điều chỉnh lịch' }).click();
      await overrides.getByText('Dòng 1: cần ghi lý do.').waitFor(); // client-side; the date stays
      expect(await overrides.getByLabel('Ngày (dòng 1)').inputValue()).toBe(`${year}-12-30`);
      await overrides.getByLabel('Lý do (dòng 1)').fill('Nghỉ cuối năm theo thông báo của UBND thành phố');
      await overrides.getByRole('button', { name: 'Lưu điều chỉnh lịch' }).click();
      await page.getByTestId('calendar-days-off').getByRole('cell', { name: 'Nghỉ cuối năm theo thông báo của UBND thành phố' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'admin');
    } finally {
      await browser.close();
    }
  });

  it('dashboard renders every report as charts and tables; findings and audit screens render', async () => {
    await engine.catchUp();
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await signIn(browser, 'demo-admin');
      await page.getByRole('link', { name: 'Tổng quan' }).click();
      await page.getByRole('heading', { name: 'Phát hiện theo trạng thái' }).waitFor();
      for (const heading of ['Cuộc kiểm tra theo hình thức', 'Phát hiện theo nhóm vi phạm', 'Phát hiện theo mức độ', 'Xu hướng quá hạn và cảnh báo theo tháng', 'Thời gian khắc phục (ngày làm việc)', 'Bảng điểm theo đơn vị', 'Kỷ luật']) {
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      }
      expect(await page.locator('svg[data-chart="bar"]').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('svg[data-chart="line"] polyline').count()).toBe(2);
      expect(await page.locator('svg[data-chart="bar"] rect.chart-bar').count()).toBeGreaterThan(0);
      await page.locator('[data-report="report-status"]').getByRole('row', { name: /Đã đóng 1/ }).waitFor();
      await page.locator('[data-report="report-inspections"]').getByRole('row', { name: /Đột xuất 1/ }).waitFor();
      await page.getByTestId('scorecard').getByRole('row', { name: /UBND phường Điện Biên/ }).waitFor();
      const bar = (await page.locator('[data-report="report-category"] svg').getAttribute('aria-label')) ?? '';
      expect(bar).toContain('Niêm yết thủ tục hành chính 1');
      await expectAccessible(page);
      await screenshot(page, 'dashboard');

      // Filter by another unit: its figures are zero.
      await page.getByLabel('Đơn vị', { exact: true }).selectOption(DEMO_UNIT_IDS.kimMaWard);
      await page.locator('[data-report="report-status"]').getByRole('row', { name: /Đã đóng 0/ }).waitFor();
      // A period ending before it starts is refused next to the field, nothing is sent.
      await page.getByLabel('Đến ngày').fill('2000-01-01');
      await page.getByRole('button', { name: 'Lọc' }).click();
      expect(await page.getByLabel('Đến ngày').getAttribute('aria-invalid')).toBe('true');

      await page.getByRole('link', { name: 'Phát hiện', exact: true }).click();
      await page.getByRole('link', { name: TITLE }).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Kiểm toán' }).click();
      await page.getByRole('heading', { name: 'Kiểm tra chuỗi băm' }).waitFor();
      await page.getByTestId('verification').getByRole('row', { name: /Kết quả Nguyên vẹn/ }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'audit');
    } finally {
      await browser.close();
    }
  });
});
