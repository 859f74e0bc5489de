import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Roles } from '@rectify/auth';
import { listAccess } from '@rectify/audit';
import { PG_POOL } from '../database';
import { ListAccessLogRequest } from './audit.requests';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/access-log')
@Roles('auditor')
export class AccessLogController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({ summary: 'Refused authorizations and reads/exports of histories (who, what, when), newest first' })
  list(@Query() request: ListAccessLogRequest) {
    return listAccess(this.pool, {
      ...request,
      from: request.from ? new Date(request.from) : undefined,
      to: request.to ? new Date(request.to) : undefined,
    });
  }
}
