import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase } from '@rectify/testing';
import type { Actor } from '@rectify/domain';
import type { EngineConfig } from '../apps/engine/src/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { CurrentActor, Roles } from '@rectify/auth';
import { DomainError } from '@rectify/domain';
import { ConcurrencyError, IdempotencyKeyReusedError } from '@rectify/event-store';
import { SUBSCRIPTION_HEALTH } from '../apps/engine/src/health';
import { IdempotencyKey, IfMatch } from '../apps/engine/src/http';
import { createEngineApp } from '../apps/engine/src/http/engine-app';
import { CommandDto, ItemDto, OrderDto } from './support/probe.dto';

const FAILURES: Record<string, () => Error> = {
  invalid: () => new DomainError('FINDING.DUE_DATE_IN_PAST', 'The due date is in the past', 'invalid'),
  not_found: () => new DomainError('FINDING.NOT_FOUND', 'No such finding', 'not_found'),
  conflict: () => new DomainError('FINDING.ALREADY_CLOSED', 'The finding is closed', 'conflict'),
  forbidden: () => new DomainError('FINDING.NOT_IN_YOUR_UNIT', 'Not your unit', 'forbidden'),
  concurrency: () => new ConcurrencyError('finding-1', 3, 5),
  reused: () => new IdempotencyKeyReusedError('cmd-9'),
  crash: () => new Error('secret connection string postgres://u:p@db'),
};

/** Test-only routes: never part of the app. */
@Controller('e2e-probe')
class ProbeController {
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Roles('board_member')
  @Get('board-only')
  boardOnly() {
    return { ok: true };
  }

  @Post('order')
  order(@IdempotencyKey() _key: string, @Body() body: OrderDto) {
    return { isDto: body instanceof OrderDto, itemIsDto: body.items[0] instanceof ItemDto };
  }

  @Get('fail/:kind')
  fail(@Param('kind') kind: string) {
    throw FAILURES[kind]();
  }

  @Post('command')
  command(@IdempotencyKey() key: string, @IfMatch() version: number | undefined, @Body() body: CommandDto) {
    return { key, version, body };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const PROBLEM = /^application\/problem\+json/;

function baseConfig(databaseUrl: string, auth: EngineConfig['auth']): EngineConfig {
  return {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: mkdtempSync(join(tmpdir(), 'rectify-e2e-')),
    embeddedPgPort: 54329,
    auth,
    bodyLimit: '1kb',
    logLevel: 'error',
  };
}

describe('engine HTTP edge (AUTH_MODE=dev)', () => {
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    const config = baseConfig(await createTestDatabase('e2e'), { mode: 'dev', devTokenSecret: 'e2e-secret-e2e-secret-e2e-secret-0000' });
    app = await createEngineApp(config, { imports: [ProbeModule], logger: false });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
  });

  async function tokenFor(role: string, units?: string[]): Promise<string> {
    const response = await http.post('/api/v1/dev/token').send({ sub: `${role}-1`, role, units }).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    return response.body.accessToken;
  }

  it('GET /health is public and reports the database', async () => {
    const response = await http.get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: { status: 'up', latencyMs: expect.any(Number) }, subscriptions: expect.any(Array) });
  });

  it('reports degraded (still 200) while a registered subscription is not ok', async () => {
    const registry = app.get<{ register(name: string, probe: () => object): () => void }>(SUBSCRIPTION_HEALTH);
    const unregister = registry.register('e2e-stuck', () => ({ name: 'e2e-stuck', status: 'lagging', lag: 42 }));
    try {
      const response = await http.get('/health').expect(200);
      expect(response.body.status).toBe('degraded');
      expect(response.body.subscriptions).toContainEqual({ name: 'e2e-stuck', status: 'lagging', lag: 42 });
    } finally {
      unregister();
    }
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const response = await http.get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/health', '/api/v1/dev/token']));
    expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    await http.get('/docs').expect(200).expect('content-type', /html/);
  });

  it('issues a dev token that the API accepts', async () => {
    const token = await tokenFor('unit_head', ['unit-3']);
    const response = await http.get('/api/v1/e2e-probe/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body).toEqual({ id: 'unit_head-1', role: 'unit_head', unitIds: ['unit-3'] });
  });

  it('answers a request without a token with 401 problem+json', async () => {
    const response = await http.get('/api/v1/e2e-probe/me').expect(401).expect('content-type', PROBLEM);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING', title: 'Unauthorized', instance: '/api/v1/e2e-probe/me' });
  });

  it('answers a wrong role on a @Roles route with 403', async () => {
    const token = await tokenFor('inspector');
    const response = await http.get('/api/v1/e2e-probe/board-only').set('Authorization', `Bearer ${token}`).expect(403);
    expect(response.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    await http.get('/api/v1/e2e-probe/board-only').set('Authorization', `Bearer ${await tokenFor('board_member')}`).expect(200);
  });

  it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    const response = await http.post('/api/v1/dev/token').set('Content-Type', 'application/json').send('{"sub": ').expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON', type: 'urn:rectify:problem:REQUEST.MALFORMED_JSON' });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
  });

  it('answers an oversized body with 413 and a non-JSON body with 415', async () => {
    const big = await http.post('/api/v1/dev/token').send({ sub: 'x'.repeat(2048), role: 'admin' }).expect(413);
    expect(big.body).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
    const text = await http.post('/api/v1/dev/token').set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(text.body).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('names every invalid field, including non-whitelisted ones', async () => {
    const response = await http.post('/api/v1/dev/token').send({ sub: '', role: 'emperor', units: [7], admin: true }).expect(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['sub', 'role', 'units', 'admin']));
  });

  it('flattens nested validation errors and hands the handler DTO instances', async () => {
    const token = await tokenFor('inspector');
    const post = (body: unknown) =>
      http.post('/api/v1/e2e-probe/order').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', 'k1').send(body as object);
    const bad = await post({ reference: 'r', items: [{ name: 'a', quantity: 1 }, { name: 3, quantity: 0, colour: 'red' }] }).expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'items[1].name', message: 'name must be a string' },
        { field: 'items[1].quantity', message: 'quantity must not be less than 1' },
        { field: 'items[1].colour', message: 'property colour should not exist' },
      ]),
    );
    const good = await post({ reference: 'r', items: [{ name: 'a', quantity: 2 }] }).expect(201);
    expect(good.body).toEqual({ isDto: true, itemIsDto: true });
  });

  it.each([
    ['invalid', 422, 'FINDING.DUE_DATE_IN_PAST'],
    ['not_found', 404, 'FINDING.NOT_FOUND'],
    ['conflict', 409, 'FINDING.ALREADY_CLOSED'],
    ['forbidden', 403, 'FINDING.NOT_IN_YOUR_UNIT'],
    ['concurrency', 409, 'VERSION.CONFLICT'],
    ['reused', 422, 'IDEMPOTENCY.KEY_REUSED'],
    ['crash', 500, 'INTERNAL'],
  ])('maps a thrown %s error to %i %s', async (kind, status, code) => {
    const token = await tokenFor('inspector');
    const response = await http.get(`/api/v1/e2e-probe/fail/${kind}`).set('Authorization', `Bearer ${token}`).expect(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status, code, type: `urn:rectify:problem:${code}`, instance: `/api/v1/e2e-probe/fail/${kind}` });
    expect(JSON.stringify(response.body)).not.toMatch(/postgres:|\.ts:|\.js:/);
  });

  it('answers an unknown route with 404 ROUTE.NOT_FOUND, inside and outside /api/v1', async () => {
    const inside = await http.get('/api/v1/nowhere').expect(404).expect('content-type', PROBLEM);
    expect(inside.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', instance: '/api/v1/nowhere' });
    const outside = await http.get('/nowhere').expect(404).expect('content-type', PROBLEM);
    expect(outside.body).toMatchObject({ code: 'ROUTE.NOT_FOUND' });
  });

  it('reads Idempotency-Key (required on POST) and If-Match', async () => {
    const token = await tokenFor('inspector');
    const missing = await http.post('/api/v1/e2e-probe/command').set('Authorization', `Bearer ${token}`).send({}).expect(400);
    expect(missing.body.code).toBe('IDEMPOTENCY.KEY_REQUIRED');
    const bad = await http.post('/api/v1/e2e-probe/command').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', 'no spaces!').send({}).expect(400);
    expect(bad.body.code).toBe('IDEMPOTENCY.KEY_INVALID');
    const garbage = await http
      .post('/api/v1/e2e-probe/command')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', 'cmd-1')
      .set('If-Match', 'W/"x"')
      .send({})
      .expect(400);
    expect(garbage.body.code).toBe('PRECONDITION.INVALID_IF_MATCH');
    const ok = await http
      .post('/api/v1/e2e-probe/command')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', 'cmd-1:a.b_c')
      .set('If-Match', '"4"')
      .send({ a: 1 })
      .expect(201);
    expect(ok.body).toEqual({ key: 'cmd-1:a.b_c', version: 4, body: { a: 1 } });
  });
});

describe('engine HTTP edge (AUTH_MODE=oidc)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    const config = baseConfig(await createTestDatabase('e2e'), { mode: 'oidc', issuer: 'https://id.invalid/realms/rectify', audience: 'rectify' });
    app = await createEngineApp(config, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has no dev token route', async () => {
    const response = await request(app.getHttpServer()).post('/api/v1/dev/token').send({ sub: 'x', role: 'admin' }).expect(404);
    expect(response.body).toMatchObject({ code: 'ROUTE.NOT_FOUND' });
  });

  it('still serves /health', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
  });
});
