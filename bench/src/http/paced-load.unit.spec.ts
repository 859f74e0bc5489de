import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pacedLoad, type PacedRequest } from './paced-load';

/** The paced generator sends each request once, with its key and path, and counts what came back. */
describe('pacedLoad', () => {
  let server: Server;
  let url: string;
  const seen: { key: string; path: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ key: String(req.headers['idempotency-key']), path: req.url ?? '', body });
        res.writeHead(req.url === '/refused' ? 422 : 201).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends every due request once, and stops early when the requests run out', async () => {
    const items: PacedRequest[] = Array.from({ length: 12 }, (_, i) => ({ key: `k-${i}`, path: i === 3 ? '/refused' : `/findings/${i}` }));
    let next = 0;
    const answered: [string, number][] = [];
    const result = await pacedLoad(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}', connections: 4, durationSeconds: 1, overallRate: 40,
        requests: { kind: 'sequence', keyPrefix: 'k-', start: 0, path: '/' } },
      () => items[next++] ?? null,
      (key, status) => answered.push([key, status]),
    );
    expect(seen.map((r) => r.key).sort()).toEqual(items.map((i) => i.key).sort());
    expect(seen.every((r) => r.body === '{"a":1}')).toBe(true);
    expect(seen.find((r) => r.key === 'k-3')?.path).toBe('/refused');
    expect(result).toMatchObject({ '2xx': 11, non2xx: 1, errors: 0, requests: { total: 12 } });
    expect(answered).toHaveLength(12);
    expect(result.latency.p99).toBeGreaterThanOrEqual(result.latency.p50);
  });
});
