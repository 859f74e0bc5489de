import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '@rectify/auth';
import type { SubjectType } from '@rectify/audit';
import type { Actor, Role } from '@rectify/domain';
import { historyCsv } from './history-csv';
import type * as HistoryPdf from './history-pdf.renderer';
import { HistoryRequest } from './history.requests';
import { HistoryService, type HistoryFormat, type SubjectHistory } from './history.service';

/** Who may read people's histories: the board, oversight and the inspection side (not unit heads). */
export const HISTORY_READERS: Role[] = ['admin', 'auditor', 'board_member', 'board_secretary', 'supervisor', 'team_lead', 'inspector'];

@ApiTags('history')
@ApiBearerAuth()
@Controller()
@Roles(...HISTORY_READERS)
export class HistoryController {
  constructor(private readonly histories: HistoryService) {}

  @Get('officials/:id/history')
  @ApiOperation({ summary: "An official's history: every event about them or by them, with actor, role, time and reason" })
  officialJson(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryRequest, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.json('official', id, q, actor, req);
  }

  @Get('officials/:id/history.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "An official's history as CSV" })
  officialCsv(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryRequest, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.csv('official', id, q, actor, req, res);
  }

  @Get('officials/:id/history.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: "An official's history as PDF for a hearing (chain hash of the last event and export time in the footer)" })
  officialPdf(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryRequest, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.pdf('official', id, q, actor, req, res);
  }

  @Get('units/:id/history')
  @ApiOperation({ summary: "A unit's history: every event about the unit, its inspections and findings" })
  unitJson(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryRequest, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.json('unit', id, q, actor, req);
  }

  @Get('units/:id/history.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "A unit's history as CSV" })
  unitCsv(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryRequest, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.csv('unit', id, q, actor, req, res);
  }

  @Get('units/:id/history.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: "A unit's history as PDF" })
  unitPdf(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryRequest, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.pdf('unit', id, q, actor, req, res);
  }

  private async json(type: SubjectType, id: string, q: HistoryRequest, actor: Actor, req: Request) {
    const history = await this.load(type, id, q, actor, req, 'json');
    return {
      subject: { ...history.subject, name: history.subjectName },
      filter: history.filter,
      exportedAt: history.exportedAt.toISOString(),
      lastHash: history.lastHash,
      lastChainHash: history.lastChainHash,
      nextCursor: history.nextCursor,
      entries: history.entries,
    };
  }

  private async csv(type: SubjectType, id: string, q: HistoryRequest, actor: Actor, req: Request, res: Response): Promise<string> {
    const history = await this.load(type, id, q, actor, req, 'csv');
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${type}-${id}-history.csv"`);
    res.setHeader('X-Last-Event-Hash', history.lastHash ?? '');
    res.setHeader('X-Exported-At', history.exportedAt.toISOString());
    if (history.nextCursor) res.setHeader('X-Next-Cursor', history.nextCursor);
    return historyCsv(history);
  }

  private async pdf(type: SubjectType, id: string, q: HistoryRequest, actor: Actor, req: Request, res: Response): Promise<StreamableFile> {
    const history = await this.load(type, id, q, actor, req, 'pdf');
    // pdfkit and its fonts (~20 MB resident) load on the first PDF export, not at boot.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderHistoryPdf } = require('./history-pdf.renderer') as typeof HistoryPdf;
    const pdf = await renderHistoryPdf(history);
    res.setHeader('Content-Disposition', `attachment; filename="${type}-${id}-history.pdf"`);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length });
  }

  private load(type: SubjectType, id: string, q: HistoryRequest, actor: Actor, req: Request, format: HistoryFormat): Promise<SubjectHistory> {
    return this.histories.history(type, id, q, actor, { format, path: req.originalUrl.split('?')[0] });
  }
}
