/** Kinds of unit in the org registry. The head of an inspection_team is its team lead. */
export const UNIT_KINDS = [
  'department',
  'district',
  'ward',
  'commune',
  'public_service_unit',
  'inspection_team',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_STATUSES = ['active'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
