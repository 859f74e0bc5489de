import type { Role } from '../shared';

/** The org registry (units, officials, heads) is kept by administrators and the system (seeding). */
export const ORG_REGISTRY_ROLES: readonly Role[] = ['admin', 'system'];
