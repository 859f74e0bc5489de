import type { engineClient } from './engine-process';

type EngineClient = ReturnType<typeof engineClient>;

/**
 * Through the API of a running engine (or the inspection service): a ward with a head, an
 * inspection team, a surprise inspection of the ward started at `startedAt`, and `findings`
 * major findings recorded in it (each answered 201, or this throws naming the answer).
 */
export async function recordFindingsInNewWard(api: EngineClient, findings: number, startedAt: string): Promise<{ inspectionId: string; wardId: string }> {
  const admin = await api.token('admin', 'admin-1');
  const created = async (path: string, body: object) => {
    const r = await api.post(path, admin, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const team = await created('/units', { name: 'Đoàn kiểm tra', kind: 'inspection_team' });
  const district = await created('/units', { name: 'Quận Ba Đình', kind: 'district' });
  const wardId = await created('/units', { name: 'UBND phường Kim Mã', kind: 'ward', parentUnitId: district });
  const inspectorId = await created('/officials', { fullName: 'Trần Thị Mai Anh', unitId: team, position: 'x' });
  const headId = await created('/officials', { fullName: 'Đinh Công Sơn', unitId: wardId, position: 'x' });
  const appointed = await api.post(`/units/${wardId}/head`, admin, { officialId: headId });
  if (appointed.status !== 200) throw new Error(`appoint head: ${appointed.status} ${JSON.stringify(appointed.body)}`);
  const inspector = await api.token('inspector', inspectorId);
  const inspectionId = await (async () => {
    const r = await api.post('/inspections', inspector, { kind: 'surprise', unitId: wardId, teamId: team, startedAt, memberIds: [inspectorId] });
    if (r.status !== 201) throw new Error(`open inspection: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  })();
  for (let i = 0; i < findings; i++) {
    const r = await api.post(`/inspections/${inspectionId}/findings`, inspector, {
      category: 'equipment', severity: 'major', title: `Máy lấy số hỏng ${i}`, description: 'd', observedAt: startedAt,
    });
    if (r.status !== 201) throw new Error(`finding ${i}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { inspectionId, wardId };
}
