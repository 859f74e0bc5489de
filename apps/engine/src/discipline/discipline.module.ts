import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { text } from 'express';
import { UnitScope } from '../application';
import { CaseFacts } from './cases/case-facts';
import { CaseRunner } from './cases/case-runner';
import { ChangeCaseController } from './cases/change-case/change-case.controller';
import { ChangeCaseHandler } from './cases/change-case/change-case.handler';
import { DecisionExecutor } from './cases/execute-decision/decision-executor';
import { ExecuteDecisionController } from './cases/execute-decision/execute-decision.controller';
import { OpenCaseController } from './cases/open-case/open-case.controller';
import { OpenCaseHandler } from './cases/open-case/open-case.handler';
import { CaseQueriesController } from './cases/queries/case-queries.controller';
import { BUSINESS_CALENDAR_SOURCE } from '../calendar/calendar.tokens';
import { DISCIPLINE_CALENDAR } from './discipline-calendar';
import { DISCIPLINE_POLICY, disciplinePolicyFromEnv } from './discipline-policy';
import { EvaluationWriter } from './evaluations/evaluation-writer';
import { EVALUATION_IMPORT_PATH, ImportEvaluationsController } from './evaluations/import-evaluations/import-evaluations.controller';
import { ImportEvaluationsHandler } from './evaluations/import-evaluations/import-evaluations.handler';
import { EvaluationQueriesController } from './evaluations/queries/evaluation-queries.controller';
import { RecordEvaluationController } from './evaluations/record-evaluation/record-evaluation.controller';
import { RecordEvaluationHandler } from './evaluations/record-evaluation/record-evaluation.handler';
import { DisciplineReactions } from './referrals/discipline-reactions';
import { ReferralOpener } from './referrals/referral-opener';
import { UnitOverdueReferrals } from './referrals/unit-overdue-referrals';

/** The CSV import's body limit (text/csv is accepted on that one route only). */
export const CSV_BODY_LIMIT = '1mb';

/** Evaluations, disciplinary cases and the carrying out of board decisions (docs/discipline.md). */
@Module({
  controllers: [
    RecordEvaluationController,
    ImportEvaluationsController,
    EvaluationQueriesController,
    OpenCaseController,
    ChangeCaseController,
    CaseQueriesController,
    ExecuteDecisionController,
  ],
  providers: [
    { provide: DISCIPLINE_POLICY, useFactory: () => disciplinePolicyFromEnv(process.env) },
    { provide: DISCIPLINE_CALENDAR, useExisting: BUSINESS_CALENDAR_SOURCE },
    UnitScope,
    EvaluationWriter,
    RecordEvaluationHandler,
    ImportEvaluationsHandler,
    CaseFacts,
    CaseRunner,
    OpenCaseHandler,
    ChangeCaseHandler,
    DecisionExecutor,
    ReferralOpener,
    UnitOverdueReferrals,
    DisciplineReactions,
  ],
  exports: [DecisionExecutor, DISCIPLINE_POLICY],
})
export class DisciplineModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(text({ type: 'text/csv', limit: CSV_BODY_LIMIT })).forRoutes({ path: EVALUATION_IMPORT_PATH, method: RequestMethod.POST });
  }
}
