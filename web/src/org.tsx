import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api, type Page } from './api/client';
import type { Official, Unit } from './api/types';
import { useLoad } from './ui/use-load';

interface Org {
  units: Unit[];
  officials: Official[];
  unitName(id: string | null | undefined): string;
  officialName(id: string | null | undefined): string;
  /** Units whose head is this official. */
  unitsHeadedBy(officialId: string): Unit[];
  reload(): void;
}

const OrgContext = createContext<Org | null>(null);

async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await api<Page<T>>(`${path}?pageSize=100&page=${page}`);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

/** The org registry (units, officials), loaded once per sign-in for names and pickers. */
export function OrgProvider({ children }: { children: ReactNode }) {
  const loaded = useLoad(async () => ({ units: await all<Unit>('units'), officials: await all<Official>('officials') }), []);
  const value = useMemo<Org>(() => {
    const units = loaded.data?.units ?? [];
    const officials = loaded.data?.officials ?? [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const officialById = new Map(officials.map((o) => [o.id, o]));
    return {
      units,
      officials,
      unitName: (id) => (id ? (unitById.get(id)?.name ?? id) : ''),
      officialName: (id) => (id ? (officialById.get(id)?.fullName ?? id) : ''),
      unitsHeadedBy: (officialId) => units.filter((u) => u.headOfficialId === officialId),
      reload: loaded.reload,
    };
  }, [loaded.data, loaded.reload]);
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

export function useOrg(): Org {
  const value = useContext(OrgContext);
  if (!value) throw new Error('useOrg outside OrgProvider');
  return value;
}
