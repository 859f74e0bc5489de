import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Public, Roles } from '@rectify/auth';
import { listCheckpoints, signingKeys, verifyAuditTrail, type AuditSigningKey, type VerificationReport } from '@rectify/audit';
import { CLOCK, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../database';
import { LOG_FOLLOWING } from '../event-sourcing/event-sourcing.tokens';
import type { LogFollowing } from '../event-sourcing/event-store-selection';
import { CodedHttpException } from '../http/coded-http.exception';
import { AUDIT_SIGNING_KEY } from './audit.tokens';
import { ListCheckpointsRequest } from './audit.requests';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Inject(LOG_FOLLOWING) private readonly following: LogFollowing | null,
  ) {}

  @Get('verification')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'Recomputes every hash chain and the signed global chain: OK, or the first broken position and what differs',
    description: 'PostgreSQL event store only: with KurrentDB (EVENTSTORE_URL) it answers 501 AUDIT.VERIFICATION_NEEDS_POSTGRES_EVENTS.',
  })
  async verification(): Promise<VerificationReport> {
    // The verifier reads PostgreSQL's `events` table: with KurrentDB it would judge a table that holds no events.
    if (this.following) throw new CodedHttpException(501, 'AUDIT.VERIFICATION_NEEDS_POSTGRES_EVENTS', VERIFICATION_NEEDS_POSTGRES_EVENTS);
    return verifyAuditTrail(this.pool, { now: () => this.clock.now() });
  }

  @Get('checkpoints')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Signed checkpoints of the global chain, newest first: keep copies to prove later that the store still extends them' })
  async checkpoints(@Query() request: ListCheckpointsRequest) {
    const rows = await listCheckpoints(this.pool, { before: request.before ? BigInt(request.before) : undefined, limit: request.limit });
    return rows.map((c) => ({
      eventCount: c.eventCount.toString(),
      position: c.globalPosition.toString(),
      transactionId: c.transactionId.toString(),
      chainHash: c.chainHash,
      createdAt: c.createdAt.toISOString(),
      keyId: c.keyId,
      algorithm: 'Ed25519',
      signature: c.signature,
    }));
  }

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: "The engine's checkpoint-signing public key (PEM) and every key that signed a checkpoint before" })
  async publicKey() {
    const keys = await signingKeys(this.pool);
    return {
      algorithm: 'Ed25519',
      keyId: this.key.keyId,
      publicKey: this.key.publicKeyPem,
      keys: keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, firstUsedAt: k.firstUsedAt.toISOString() })),
    };
  }
}

export const VERIFICATION_NEEDS_POSTGRES_EVENTS =
  'Audit verification reads the PostgreSQL event store; this engine keeps its events in KurrentDB (EVENTSTORE_URL), so it cannot verify them: no report rather than a false one';
