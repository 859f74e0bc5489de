import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import type { Actor } from '@rectify/domain';
import { AUTH_OPTIONS } from './auth.tokens';
import { DEV_TOKEN_ISSUER, type DevAuthOptions } from './auth.options';
import { claimsToActor } from './claims-to-actor';
import { rejectionFromJose } from './jose-errors';
import type { TokenVerifier } from './token-verifier';

const ALG = 'HS256';

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Verifies HS256 tokens issued by DevTokenIssuer. Only ever bound when AUTH_MODE=dev. */
@Injectable()
export class DevTokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(@Inject(AUTH_OPTIONS) options: Pick<DevAuthOptions, 'devTokenSecret'>) {
    this.key = secretKey(options.devTokenSecret);
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: DEV_TOKEN_ISSUER, algorithms: [ALG] });
      return claimsToActor(payload);
    } catch (error) {
      throw rejectionFromJose(error);
    }
  }
}

export interface DevTokenRequest {
  sub: string;
  role: Actor['role'];
  units?: readonly string[];
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until expiry. */
  expiresIn: number;
}

/** Signs dev tokens for whoever asks: unauthenticated by design, dev mode only. */
@Injectable()
export class DevTokenIssuer {
  static readonly TTL_SECONDS = 8 * 60 * 60;
  private readonly key: Uint8Array;

  constructor(@Inject(AUTH_OPTIONS) options: Pick<DevAuthOptions, 'devTokenSecret'>) {
    this.key = secretKey(options.devTokenSecret);
  }

  async issue(request: DevTokenRequest, ttlSeconds = DevTokenIssuer.TTL_SECONDS): Promise<IssuedToken> {
    const claims: Record<string, unknown> = { role: request.role };
    if (request.units !== undefined) claims.units = [...request.units];
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(request.sub)
      .setIssuer(DEV_TOKEN_ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
    return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds };
  }
}
