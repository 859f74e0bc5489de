import { startTestEngine, type TestEngine } from '../support/test-engine';
import { buildWebApp } from './support/web-engine';

/** The engine serves the built web app at `/` without shadowing /api, /docs or /health. */
describe('web app serving', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    buildWebApp();
    engine = await startTestEngine();
  });
  afterAll(() => engine?.close());

  it('answers / and client-side routes with index.html (SPA fallback)', async () => {
    for (const path of ['/', '/inspections', '/findings/3f0c1a52-0000-4000-a000-000000000001', '/sign-in?returnTo=%2Finbox']) {
      const response = await engine.http.get(path).set('Accept', 'text/html');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets as immutable and unknown files as problem+json 404', async () => {
    const index = await engine.http.get('/');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(asset).toBeDefined();
    const script = await engine.http.get(asset!);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['cache-control']).toContain('immutable');
    const missing = await engine.http.get('/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await engine.http.get('/../package.json')).status).toBe(404);
  });

  it('never shadows the API, the OpenAPI document or health', async () => {
    const unknownApi = await engine.http.get('/api/v1/no-such-route').set('Accept', 'text/html');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.body.code).toBe('ROUTE.NOT_FOUND');
    const docs = await engine.http.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.paths['/api/v1/auth/config']).toBeDefined();
    const health = await engine.http.get('/health');
    expect(health.headers['content-type']).toMatch(/json/);
    const post = await engine.http.post('/inspections').send({});
    expect(post.status).toBe(404);
  });

  it('tells the web app how to sign in (public, no token)', async () => {
    const response = await engine.http.get('/api/v1/auth/config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ mode: 'dev' });
  });
});
