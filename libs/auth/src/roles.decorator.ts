import { SetMetadata } from '@nestjs/common';
import type { Role } from '@rectify/domain';

export const ROLES_KEY = 'rectify:auth:roles';

/** Only actors holding one of these roles may call the route (403 otherwise). Method wins over class. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
