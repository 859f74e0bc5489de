import { readModelProjectors } from '@rectify/read-models';
import { servedReadModels } from './served-read-models';

describe('servedReadModels', () => {
  it('runs every read model in the all-in-one engine', () => {
    expect(servedReadModels().map((p) => p.name)).toEqual(readModelProjectors().map((p) => p.name));
  });

  it('runs only the projections writing the tables a service reads', () => {
    const served = servedReadModels({ schema: 'audit', readModels: ['rm_officials'] });
    expect(served.flatMap((p) => p.tables)).toEqual(['rm_officials']);
    const discipline = servedReadModels({ schema: 'discipline', readModels: ['rm_officials', 'rm_findings', 'rm_cases', 'rm_evaluations'] });
    expect(discipline.flatMap((p) => p.tables).sort()).toEqual(['rm_cases', 'rm_evaluations', 'rm_findings', 'rm_officials']);
  });

  it('refuses a table no projection writes (a typo would leave a query reading an empty table)', () => {
    expect(() => servedReadModels({ schema: 'audit', readModels: ['rm_oficials'] })).toThrow(/no read-model projection writes rm_oficials/);
  });
});
