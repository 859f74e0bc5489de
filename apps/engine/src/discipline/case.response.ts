import type { ExistingCase } from '@rectify/domain';

/** A disciplinary case as every endpoint returns it: the folded state plus stream metadata. */
export type CaseResponse = Omit<ExistingCase, 'id'> & { id: string; version: number; createdAt: string; updatedAt: string };

export function toCaseResponse(state: ExistingCase, meta: { version: number; createdAt: Date | null; updatedAt: Date | null }): CaseResponse {
  return {
    ...state,
    version: meta.version,
    createdAt: meta.createdAt?.toISOString() ?? '',
    updatedAt: meta.updatedAt?.toISOString() ?? '',
  };
}
