import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { FindingResponse } from '../../finding.response';
import { ChangeFindingCommand, type FindingChange } from './change-finding.handler';
import {
  DisputeFindingRequest,
  ReopenFindingRequest,
  ResolveDisputeRequest,
  SubmitEvidenceRequest,
  SubmitPlanRequest,
  VerifyRemediationRequest,
} from './change-finding.requests';

/** The finding's lifecycle after recording; each route answers the finding as it now stands. */
@ApiTags('findings')
@Controller('findings/:id')
export class ChangeFindingController {
  constructor(private readonly commands: CommandBus) {}

  private change(id: string, change: FindingChange, request: RequestContext, reason?: string): Promise<FindingResponse> {
    return this.commands.execute(new ChangeFindingCommand(id, change, request, reason));
  }

  @Post('acknowledgement')
  @HttpCode(200)
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The unit head acknowledges the finding' })
  @ApiOkResponse({ type: FindingResponse })
  acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'AcknowledgeFinding', data: {} }, request);
  }

  @Post('dispute')
  @HttpCode(200)
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The unit head disputes the finding, with reasons' })
  @ApiOkResponse({ type: FindingResponse })
  dispute(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DisputeFindingRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'DisputeFinding', data: { reason: body.reason } }, request, body.reason);
  }

  @Post('dispute-resolution')
  @HttpCode(200)
  @Roles('team_lead')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The team lead upholds (finding stands) or withdraws a disputed finding' })
  @ApiOkResponse({ type: FindingResponse })
  resolveDispute(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveDisputeRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'ResolveDispute', data: { upheld: body.upheld, reason: body.reason } }, request, body.reason);
  }

  @Post('plan')
  @HttpCode(200)
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The unit submits (or revises) its remediation plan' })
  @ApiOkResponse({ type: FindingResponse })
  plan(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitPlanRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'SubmitRemediationPlan', data: { actions: body.actions, targetDate: body.targetDate } }, request);
  }

  @Post('evidence')
  @HttpCode(200)
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The unit submits evidence of remediation' })
  @ApiOkResponse({ type: FindingResponse })
  evidence(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitEvidenceRequest, @CommandRequest() request: RequestContext) {
    const attachments = (body.attachments ?? []).map((a) => ({ name: a.name, sha256: a.sha256, ...(a.url ? { url: a.url } : {}), ...(a.size !== undefined ? { size: a.size } : {}), ...(a.mediaType ? { mediaType: a.mediaType } : {}) }));
    return this.change(id, { type: 'SubmitRemediationEvidence', data: { description: body.description, attachments } }, request);
  }

  @Post('verification')
  @HttpCode(200)
  @Roles('inspector', 'team_lead')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The inspector accepts the remediation, or rejects it back to remediation' })
  @ApiOkResponse({ type: FindingResponse })
  verify(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: VerifyRemediationRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'VerifyRemediation', data: { accepted: body.accepted, comment: body.comment } }, request, body.comment || undefined);
  }

  @Post('closure')
  @HttpCode(200)
  @Roles('unit_head', 'team_lead')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Close a verified finding (unit head or team lead); minor findings may be self-certified by policy' })
  @ApiOkResponse({ type: FindingResponse })
  close(@Param('id', new ParseUUIDPipe()) id: string, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'CloseFinding', data: { selfCertificationAllowed: false } }, request);
  }

  @Post('reopening')
  @HttpCode(200)
  @Roles('team_lead', 'inspector', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Reopen a closed finding, with a reason' })
  @ApiOkResponse({ type: FindingResponse })
  reopen(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReopenFindingRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'ReopenFinding', data: { reason: body.reason } }, request, body.reason);
  }
}
