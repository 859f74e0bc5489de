import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { BUSINESS_CALENDAR_SOURCE, EventSourcedCalendarSource, type BusinessCalendarSource } from '../apps/engine/src/calendar';
import { startTestEngine, type TestEngine } from './support/test-engine';

const PROBLEM = /^application\/problem\+json/;

describe('business calendar over HTTP', () => {
  let engine: TestEngine;
  let admin: string;
  let inspector: string;
  let keySeq = 0;
  const get = (path: string, token = inspector) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const put = (path: string, body: object, token = admin, key: string | null = `calendar-${++keySeq}`) => {
    const request = engine.http.put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
    return (key ? request.set('Idempotency-Key', key) : request).send(body);
  };

  beforeAll(async () => {
    engine = await startTestEngine();
    admin = await engine.token('admin', 'admin-1');
    inspector = await engine.token('inspector', 'inspector-1');
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('gives 5 working days after Thu 19 Jan 2023 as Thu 2 Feb 2023 (Tết 20–26 Jan)', async () => {
    const response = await get('/calendar/working-days?from=2023-01-19&days=5').expect(200);
    expect(response.body).toEqual({ from: '2023-01-19', days: 5, date: '2023-02-02' });
    const between = await get('/calendar/working-days?from=2023-01-19&to=2023-02-02').expect(200);
    expect(between.body).toEqual({ from: '2023-01-19', to: '2023-02-02', workingDays: 5 });
    const back = await get('/calendar/working-days?from=2023-02-02&days=-5').expect(200);
    expect(back.body.date).toBe('2023-01-19');
  });

  it('lists a year: days off named in Vietnamese and English with sources, working Saturdays, working days per month', async () => {
    const response = await get('/calendar/2024').expect(200);
    expect(response.body).toMatchObject({ year: 2024, basis: 'announced', workingDaysInYear: 251, overrides: { daysOff: [], workingDays: [] } });
    expect(response.body.daysOff.filter((d: { holiday: string }) => d.holiday === 'tet').map((d: { date: string }) => d.date)).toEqual([
      '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14',
    ]);
    expect(response.body.daysOff[0]).toEqual({
      date: '2024-01-01', kind: 'holiday', holiday: 'new_year', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day",
      source: expect.stringContaining('45/2019/QH14'), reason: null,
    });
    expect(response.body.workingDays).toEqual([
      expect.objectContaining({ date: '2024-05-04', kind: 'swapped', inLieuOf: '2024-04-29', source: expect.stringContaining('2450/VPCP-KGVX') }),
    ]);
    expect(response.body.workingDaysPerMonth).toHaveLength(12);
    expect((await get('/calendar/2031').expect(200)).body.basis).toBe('rule');
  });

  it('lets an administrator change a result with an override, idempotently, and serves it to the workflow', async () => {
    const body = { daysOff: [{ date: '2023-01-27', reason: 'Thông báo nghỉ thêm (thử nghiệm)' }], workingDays: [] };
    const first = await put('/calendar/2023/overrides', body, admin, 'calendar-override-2023').expect(200);
    expect(first.body.overrides.daysOff).toEqual(body.daysOff);
    expect(first.body.daysOff).toContainEqual(expect.objectContaining({ date: '2023-01-27', kind: 'override', reason: 'Thông báo nghỉ thêm (thử nghiệm)' }));

    const moved = await get('/calendar/working-days?from=2023-01-19&days=5').expect(200);
    expect(moved.body.date).toBe('2023-02-03');
    const source = engine.app.get<BusinessCalendarSource>(BUSINESS_CALENDAR_SOURCE);
    expect((await source.current()).addWorkingDays('2023-01-19', 5)).toBe('2023-02-03');

    const replay = await put('/calendar/2023/overrides', body, admin, 'calendar-override-2023').expect(200);
    expect(replay.body).toEqual(first.body);
    const store = engine.app.get<EventStore>(EVENT_STORE);
    expect((await store.readStream('calendar-2023')).map((e) => [e.type, e.metadata.actorId])).toEqual([['CalendarOverridesSet', 'admin-1']]);

    // Another engine process learns it from the log (after the read horizon has passed the event).
    await engine.catchUp();
    const elsewhere = new EventSourcedCalendarSource(store, 0);
    expect((await elsewhere.current()).addWorkingDays('2023-01-19', 5)).toBe('2023-02-03');

    await put('/calendar/2023/overrides', { daysOff: [], workingDays: [] }).expect(200);
    expect((await get('/calendar/working-days?from=2023-01-19&days=5').expect(200)).body.date).toBe('2023-02-02');
  });

  it('refuses the override to anyone but an administrator (403)', async () => {
    const response = await put('/calendar/2025/overrides', { daysOff: [], workingDays: [] }, inspector).expect(403);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it.each([
    ['a year outside 2000–2100', () => get('/calendar/1999'), 'year'],
    ['a year that is not a number', () => get('/calendar/next'), 'year'],
    ['an impossible date', () => get('/calendar/working-days?from=2023-02-30&days=5'), 'from'],
    ['a non-integer step', () => get('/calendar/working-days?from=2023-01-19&days=1.5'), 'days'],
    ['neither days nor to', () => get('/calendar/working-days?from=2023-01-19'), 'days'],
    ['a result beyond 2100', () => get('/calendar/working-days?from=2100-12-30&days=10'), 'days'],
    ['an override year outside the range', () => put('/calendar/2101/overrides', { daysOff: [], workingDays: [] }), 'year'],
    ['an override date in another year', () => put('/calendar/2025/overrides', { daysOff: [{ date: '2026-01-02', reason: 'x' }], workingDays: [] }), 'daysOff[0].date'],
    ['a malformed override date', () => put('/calendar/2025/overrides', { daysOff: [], workingDays: [{ date: '2025-2-1', reason: 'x' }] }), 'workingDays[0].date'],
    ['a date both off and working', () => put('/calendar/2025/overrides', { daysOff: [{ date: '2025-01-02', reason: 'a' }], workingDays: [{ date: '2025-01-02', reason: 'b' }] }), 'workingDays[0].date'],
    ['a missing list', () => put('/calendar/2025/overrides', { daysOff: [] }), 'workingDays'],
  ])('answers 400 problem+json naming the field for %s', async (_label, call, field) => {
    const response = await call();
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('requires an Idempotency-Key on the override', async () => {
    const response = await put('/calendar/2025/overrides', { daysOff: [], workingDays: [] }, admin, null).expect(400);
    expect(response.body.code).toBe('IDEMPOTENCY.KEY_REQUIRED');
  });
});
