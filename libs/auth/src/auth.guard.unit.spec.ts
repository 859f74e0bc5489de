import { Reflector } from '@nestjs/core';
import * as auth from './index';
import type { Actor } from '@rectify/domain';
import type { AuthorizationRefusal } from './authorization-refusals';

const { Public, Roles, TokenRejectedError } = auth;

class Routes {
  @Public() open() {}
  closed() {}
  @Roles('board_member', 'board_secretary') boardOnly() {}
}

const TOKENS: Record<string, Actor | InstanceType<typeof TokenRejectedError>> = {
  'good-inspector': { id: 'official-1', role: 'inspector' },
  'good-board': { id: 'official-2', role: 'board_member' },
  expired: new TokenRejectedError('AUTH.TOKEN_EXPIRED', 'token expired'),
  'bad-signature': new TokenRejectedError('AUTH.TOKEN_INVALID', 'signature verification failed'),
  'wrong-issuer': new TokenRejectedError('AUTH.TOKEN_INVALID', 'claim check failed: unexpected "iss" claim value'),
  'no-role': new TokenRejectedError('AUTH.TOKEN_INVALID', 'token has no role claim'),
};

function setup() {
  const recorded: AuthorizationRefusal[] = [];
  const verifier = {
    verify: async (token: string) => {
      const result = TOKENS[token];
      if (!result) throw new TokenRejectedError('AUTH.TOKEN_INVALID', 'unknown');
      if (result instanceof TokenRejectedError) throw result; // a class of Node's realm: not a sandbox Error
      return result;
    },
  };
  const refusals = { record: async (refusal: AuthorizationRefusal) => void recorded.push(refusal) };
  const guard = new auth.AuthGuard(new Reflector(), verifier, refusals as never);

  async function call(handler: keyof Routes, authorization?: string) {
    const request: Record<string, unknown> = {
      method: 'POST',
      url: '/api/v1/things?x=1',
      originalUrl: '/api/v1/things?x=1',
      headers: authorization ? { authorization } : {},
    };
    const context = {
      getType: () => 'http',
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => request }),
    };
    try {
      const allowed = await guard.canActivate(context as never);
      return { allowed, actor: request.actor, status: 200 };
    } catch (error) {
      const e = error as { getStatus(): number; getResponse(): { code: string } };
      return { allowed: false, status: e.getStatus(), code: e.getResponse().code };
    }
  }
  return { call, recorded };
}

describe('AuthGuard', () => {
  it('lets a valid token through and puts the actor on the request', async () => {
    const { call, recorded } = setup();
    await expect(call('closed', 'Bearer good-inspector')).resolves.toEqual({
      allowed: true,
      status: 200,
      actor: { id: 'official-1', role: 'inspector' },
    });
    expect(recorded).toEqual([]);
  });

  it('refuses a missing token with 401 and records the refusal', async () => {
    const { call, recorded } = setup();
    await expect(call('closed')).resolves.toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING' });
    expect(recorded).toEqual([
      expect.objectContaining({ status: 401, code: 'AUTH.TOKEN_MISSING', method: 'POST', path: '/api/v1/things', actor: undefined }),
    ]);
  });

  it.each([
    ['expired', 'AUTH.TOKEN_EXPIRED'],
    ['bad-signature', 'AUTH.TOKEN_INVALID'],
    ['wrong-issuer', 'AUTH.TOKEN_INVALID'],
    ['no-role', 'AUTH.TOKEN_INVALID'],
  ])('refuses a %s token with 401 %s', async (token, code) => {
    const { call, recorded } = setup();
    await expect(call('closed', `Bearer ${token}`)).resolves.toMatchObject({ status: 401, code });
    expect(recorded[0]).toMatchObject({ status: 401, code, reason: (TOKENS[token] as InstanceType<typeof TokenRejectedError>).reason });
  });

  it('refuses a malformed Authorization header', async () => {
    const { call } = setup();
    await expect(call('closed', 'Basic dXNlcjpwdw==')).resolves.toMatchObject({ status: 401, code: 'AUTH.TOKEN_INVALID' });
  });

  it('refuses a role not allowed by @Roles with 403, naming the actor', async () => {
    const { call, recorded } = setup();
    await expect(call('boardOnly', 'Bearer good-inspector')).resolves.toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    expect(recorded[0]).toMatchObject({ status: 403, actor: { id: 'official-1', role: 'inspector' }, path: '/api/v1/things' });
    await expect(call('boardOnly', 'Bearer good-board')).resolves.toMatchObject({ allowed: true });
  });

  it('opens @Public routes without a token, but still refuses a bad one', async () => {
    const { call } = setup();
    await expect(call('open')).resolves.toMatchObject({ allowed: true, actor: undefined });
    await expect(call('open', 'Bearer good-board')).resolves.toMatchObject({ allowed: true, actor: { id: 'official-2' } });
    await expect(call('open', 'Bearer expired')).resolves.toMatchObject({ status: 401 });
  });
});
