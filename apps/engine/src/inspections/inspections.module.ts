import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FindingViewEntity, InspectionViewEntity } from '@rectify/read-models';
import { ConcludeInspectionController } from './commands/conclude-inspection/conclude-inspection.controller';
import { ConcludeInspectionHandler } from './commands/conclude-inspection/conclude-inspection.handler';
import { OpenInspectionController } from './commands/open-inspection/open-inspection.controller';
import { OpenInspectionHandler } from './commands/open-inspection/open-inspection.handler';
import { InspectionQueriesController } from './queries/inspection-queries.controller';
import { GetInspectionHandler, ListInspectionsHandler } from './queries/inspection-queries';

/** Inspections: opened by inspectors and team leads, concluded by team leads; findings hang off them. */
@Module({
  imports: [TypeOrmModule.forFeature([InspectionViewEntity, FindingViewEntity])],
  controllers: [OpenInspectionController, ConcludeInspectionController, InspectionQueriesController],
  providers: [OpenInspectionHandler, ConcludeInspectionHandler, ListInspectionsHandler, GetInspectionHandler],
})
export class InspectionsModule {}
