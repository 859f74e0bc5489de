import { readModelProjectors, type Projector } from '@rectify/read-models';
import type { ServiceStorage } from '../database/database.tokens';

/**
 * The read-model projections this process runs: all of them in the all-in-one engine; in a
 * separate service only those whose tables its queries read (ServiceStorage.readModels).
 */
export function servedReadModels(storage?: ServiceStorage): Projector[] {
  const all = readModelProjectors();
  if (!storage) return all;
  const served = all.filter((p) => p.tables.every((table) => storage.readModels.includes(table)));
  const unknown = storage.readModels.filter((table) => !served.some((p) => p.tables.includes(table)));
  if (unknown.length > 0) throw new Error(`no read-model projection writes ${unknown.join(', ')}`);
  return served;
}
