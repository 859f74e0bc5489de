import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FindingViewEntity } from '@rectify/read-models';
import { UnitScope } from '../application';
import { ChangeFindingController } from './commands/change-finding/change-finding.controller';
import { ChangeFindingHandler } from './commands/change-finding/change-finding.handler';
import { RecordFindingController } from './commands/record-finding/record-finding.controller';
import { RecordFindingHandler } from './commands/record-finding/record-finding.handler';
import { ExtensionController } from './commands/extensions/extension.controller';
import { ExtensionHandler } from './commands/extensions/extension.handler';
import { FINDING_POLICY, findingPolicyFromEnv } from './finding-policy';
import { FindingQueriesController } from './queries/finding-queries.controller';
import { GetFindingEventsHandler, GetFindingHandler, ListFindingsHandler } from './queries/finding-queries';

@Module({
  imports: [TypeOrmModule.forFeature([FindingViewEntity])],
  controllers: [RecordFindingController, ChangeFindingController, ExtensionController, FindingQueriesController],
  providers: [
    { provide: FINDING_POLICY, useFactory: () => findingPolicyFromEnv(process.env) },
    UnitScope,
    RecordFindingHandler,
    ChangeFindingHandler,
    ExtensionHandler,
    ListFindingsHandler,
    GetFindingHandler,
    GetFindingEventsHandler,
  ],
})
export class FindingsModule {}
