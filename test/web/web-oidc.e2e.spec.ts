import { DEMO_OFFICIAL_IDS } from '../../apps/engine/src/demo/demo-organisation';
import { startOidcTestEngine, type OidcTestEngine } from '../support/oidc-engine';
import { freePort, startOidcProvider, type OidcTestProvider } from '../support/oidc-provider';
import { chromiumAvailable, openBrowser, screenshot } from './support/browser';
import { buildWebApp } from './support/web-engine';

/**
 * The web app in AUTH_MODE=oidc in Chromium against a real OpenID Provider (oidc-provider):
 * the sign-in button sends the browser to the provider (code flow, PKCE S256, resource =
 * the engine's audience), the user logs in on the provider's page, comes back to
 * /auth/callback and lands on the unit head's inbox; signing out ends the provider's session
 * too (RP-initiated logout), so the next sign-in asks for the login again.
 */
const run = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.log('SKIPPED: chromium not installed');

const AUDIENCE = 'urn:rectify:api';
const CLIENT_ID = 'rectify-web';
const UNIT_HEAD = DEMO_OFFICIAL_IDS.dienBienChairman;

run('web app sign-in against a real OpenID Provider', () => {
  let provider: OidcTestProvider;
  let engine: OidcTestEngine;

  beforeAll(async () => {
    buildWebApp();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({
      clientId: CLIENT_ID,
      audience: AUDIENCE,
      redirectUris: [`${origin}/auth/callback`],
      postLogoutRedirectUris: [`${origin}/sign-in`],
      users: { [UNIT_HEAD]: { role: 'unit_head', name: 'Mai Xuân Trường' } },
    });
    engine = await startOidcTestEngine({ issuer: provider.issuer, audience: AUDIENCE }, { port, env: { OIDC_CLIENT_ID: CLIENT_ID } });
  });
  afterAll(async () => {
    await engine?.close();
    await provider?.close();
  });

  it('unit head signs in at the provider, sees the inbox, and signs out', async () => {
    const browser = await openBrowser({ width: 1280, height: 900 });
    try {
      const { page } = browser;
      await page.goto(`${engine.baseUrl}/`);
      await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cơ quan' }).click();

      // The provider's own login page (devInteractions), on the provider's origin.
      await page.locator('input[name="login"]').waitFor();
      expect(new URL(page.url()).origin).toBe(provider.issuer);
      await screenshot(page, 'oidc-provider-login');
      await page.locator('input[name="login"]').fill(UNIT_HEAD);
      await page.locator('input[name="password"]').fill('any');
      await page.locator('button[type="submit"]').click();

      await page.getByRole('heading', { name: 'Hộp việc' }).waitFor();
      expect(page.url()).toBe(`${engine.baseUrl}/inbox`);
      await page.getByText('Mai Xuân Trường').first().waitFor();
      await screenshot(page, 'oidc-unit-head-inbox');

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      // The provider confirms the logout, then sends the browser back to /sign-in.
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cơ quan' }).waitFor();
      expect(page.url()).toBe(`${engine.baseUrl}/sign-in`);
      expect(await page.evaluate("localStorage.getItem('rectify.session')")).toBeNull();

      // The provider's session is gone: signing in again asks for the login.
      await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản cơ quan' }).click();
      await page.locator('input[name="login"]').waitFor();
    } finally {
      await browser.close();
    }
  });
});
