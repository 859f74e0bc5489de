/** One stream per aggregate: `<aggregate>-<id>`. Ids must be stable; names are never reused. */
export const unitStream = (unitId: string): string => `unit-${unitId}`;
export const officialStream = (officialId: string): string => `official-${officialId}`;
export const inspectionStream = (inspectionId: string): string => `inspection-${inspectionId}`;
export const findingStream = (findingId: string): string => `finding-${findingId}`;
