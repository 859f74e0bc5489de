import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEngine, type TestEngine } from './support/test-engine';

const PROBLEM = /^application\/problem\+json/;
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence files: POST/GET /api/v1/evidence', () => {
  let engine: TestEngine;
  let inspector: string;
  const evidenceDir = mkdtempSync(join(tmpdir(), 'rectify-evidence-'));

  const upload = (bytes: Buffer, filename: string, contentType: string, token = inspector) =>
    engine.http.post('/api/v1/evidence').set('Authorization', `Bearer ${token}`).attach('file', bytes, { filename, contentType });
  const download = (hash: string, token = inspector) => engine.http.get(`/api/v1/evidence/${hash}`).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  beforeAll(async () => {
    engine = await startTestEngine({ env: { EVIDENCE_DIR: evidenceDir, EVIDENCE_MAX_BYTES: '4096' } });
    inspector = await engine.token('inspector', 'inspector-1');
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('stores a photo content-addressed by sha256 and answers its reference', async () => {
    const response = await upload(PNG, 'bảng-niêm-yết.png', 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      sha256: sha(PNG),
      name: 'bảng-niêm-yết.png',
      size: PNG.length,
      mediaType: 'image/png',
      url: `/api/v1/evidence/${sha(PNG)}`,
    });
    expect(existsSync(join(evidenceDir, sha(PNG).slice(0, 2), sha(PNG)))).toBe(true);
  });

  it('is idempotent: the same bytes give the same reference, under any name', async () => {
    const again = await upload(PNG, 'copy.png', 'image/png');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ sha256: sha(PNG), name: 'copy.png', size: PNG.length });
  });

  it('streams the file back, byte for byte, with its media type', async () => {
    const response = await download(sha(PNG).toUpperCase());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers.etag).toBe(`"${sha(PNG)}"`);
    expect(sha(response.body as Buffer)).toBe(sha(PNG));
  });

  it('accepts a PDF', async () => {
    const response = await upload(PDF, 'bien-ban.pdf', 'application/pdf');
    expect(response.status).toBe(201);
    expect(response.body.mediaType).toBe('application/pdf');
  });

  it('refuses to serve a file whose bytes no longer match its hash', async () => {
    const stored = await upload(PDF, 'bien-ban.pdf', 'application/pdf');
    writeFileSync(join(evidenceDir, stored.body.sha256.slice(0, 2), stored.body.sha256), Buffer.from('%PDF-1.4 tampered'));
    const response = await download(stored.body.sha256);
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({ code: 'EVIDENCE.HASH_MISMATCH' });
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 naming the field', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5000)]);
    const response = await upload(big, 'big.png', 'image/png');
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ code: 'EVIDENCE.TOO_LARGE', errors: [{ field: 'file' }] });
  });

  it('refuses a type outside the allow-list, whatever the declared type', async () => {
    const text = await upload(Buffer.from('MZ not a photo'), 'photo.jpg', 'image/jpeg');
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'EVIDENCE.TYPE_NOT_ALLOWED', errors: [{ field: 'file' }] });
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg', 'image/svg+xml');
    expect(svg.status).toBe(415);
  });

  it('refuses a request without a file, an empty file and a non-multipart body', async () => {
    const none = await engine.http.post('/api/v1/evidence').set('Authorization', `Bearer ${inspector}`).field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'EVIDENCE.FILE_REQUIRED' });
    const empty = await upload(Buffer.alloc(0), 'empty.png', 'image/png');
    expect([400, 422]).toContain(empty.status);
    const json = await engine.http.post('/api/v1/evidence').set('Authorization', `Bearer ${inspector}`).send({ sha256: 'a'.repeat(64) });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('EVIDENCE.FILE_REQUIRED');
    const text = await engine.http.post('/api/v1/evidence').set('Authorization', `Bearer ${inspector}`).set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps multipart refused on every other route', async () => {
    const response = await engine.http.post('/api/v1/inspections').set('Authorization', `Bearer ${inspector}`).attach('file', PNG, 'x.png');
    expect(response.status).toBe(415);
  });

  it('answers 400 for a malformed hash, 404 for an unknown one, 401 without a token', async () => {
    expect((await download('xyz')).status).toBe(400);
    const unknown = await download('0'.repeat(64));
    expect(unknown.status).toBe(404);
    expect(JSON.parse((unknown.body as Buffer).toString('utf8')).code).toBe('EVIDENCE.NOT_FOUND');
    expect((await engine.http.get(`/api/v1/evidence/${sha(PNG)}`)).status).toBe(401);
    expect((await engine.http.post('/api/v1/evidence').attach('file', PNG, 'x.png')).status).toBe(401);
  });

  it('a finding keeps only the reference: sha256, name, size and media type', async () => {
    const admin = await engine.token('admin', 'admin-1');
    let seq = 0;
    const post = (path: string, token: string, body: object) =>
      engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', `evidence-${++seq}`).send(body);
    const team = (await post('/units', admin, { name: 'Đoàn kiểm tra', kind: 'inspection_team' })).body.id;
    const ward = (await post('/units', admin, { name: 'UBND phường Kim Mã', kind: 'ward' })).body.id;
    const member = (await post('/officials', admin, { fullName: 'Lê Minh Cường', unitId: team, position: 'Thành viên đoàn' })).body.id;
    const clerk = (await post('/officials', admin, { fullName: 'Hoàng Văn Em', unitId: ward, position: 'Công chức' })).body.id;
    const token = await engine.token('inspector', member);
    const inspection = await post('/inspections', token, { kind: 'surprise', unitId: ward, teamId: team, startedAt: '2023-01-27T08:00:00+07:00', memberIds: [member] });
    expect(inspection.body).toMatchObject({ id: expect.any(String) });
    await engine.catchUp();
    const photo = (await upload(PNG, 'quầy.png', 'image/png', token)).body;
    const { url: _url, ...reference } = photo;
    const finding = await post(`/inspections/${inspection.body.id}/findings`, token, {
      category: 'procedure_posting',
      severity: 'major',
      title: 'Thủ tục không niêm yết',
      description: 'Chưa niêm yết 12 thủ tục.',
      observedAt: '2023-01-27T09:30:00+07:00',
      responsibleOfficialIds: [clerk],
      evidence: [reference],
    });
    expect({ status: finding.status, body: finding.status === 201 ? undefined : finding.body }).toEqual({ status: 201, body: undefined });
    expect(finding.body.evidence).toEqual([{ sha256: sha(PNG), name: 'quầy.png', size: PNG.length, mediaType: 'image/png' }]);
  });
});
