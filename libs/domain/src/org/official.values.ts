/** `inactive`: taken off the workforce (DeactivateOfficial); a transfer keeps the official active. */
export const OFFICIAL_STATUSES = ['active', 'inactive'] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];
