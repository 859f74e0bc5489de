import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'rectify:auth:public';

/** The route (or every route of the controller) needs no bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
