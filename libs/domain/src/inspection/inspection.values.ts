export const INSPECTION_KINDS = ['scheduled', 'surprise', 'directed', 'verification', 'internal'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_STATUSES = ['open', 'concluded'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
