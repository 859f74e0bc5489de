import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

/** Reports over the rpt_* read models (fed by the audit module's projections). */
@Module({ controllers: [ReportsController] })
export class ReportsModule {}
