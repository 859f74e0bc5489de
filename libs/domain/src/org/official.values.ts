/** Only `active` for now; transfer and replacement will add statuses (and events). */
export const OFFICIAL_STATUSES = ['active'] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];
