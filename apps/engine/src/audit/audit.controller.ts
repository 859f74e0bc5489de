import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Public, Roles } from '@rectify/auth';
import { listCheckpoints, signingKeys, verifyAuditTrail, type AuditSigningKey, type VerificationReport } from '@rectify/audit';
import { CLOCK, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../database';
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
  ) {}

  @Get('verification')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Recomputes every hash chain and the signed global chain: OK, or the first broken position and what differs' })
  verification(): Promise<VerificationReport> {
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
