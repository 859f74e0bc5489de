import { Inject, Injectable } from '@nestjs/common';
import {
  evaluationDecider,
  evaluationStream,
  officialDecider,
  officialNotFound,
  officialStream,
  type EvaluationCommand,
  type EvaluationRating,
  type EvaluationState,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, loadAggregate, type Clock, type CommandOutcome } from '@rectify/workflow';
import { UnitScope, commandContext, type RequestContext } from '../../application';

export interface EvaluationResponse {
  officialId: string;
  period: string;
  periodKind: 'month' | 'year';
  rating: EvaluationRating;
  note: string;
  corrections: number;
  version: number;
}

export interface EvaluationInput {
  officialId: string;
  period: string;
  rating: EvaluationRating;
  note: string;
  /** Present for a correction. */
  reason?: string;
}

/** Records or corrects one rating: the official must exist; a unit head rates only officials of units they head. */
@Injectable()
export class EvaluationWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
    private readonly scope: UnitScope,
  ) {}

  async write(input: EvaluationInput, request: RequestContext, idempotencyKey = request.idempotencyKey): Promise<EvaluationResponse> {
    const { officialId, period, rating, note, reason } = input;
    const body = { officialId, period, rating, note, reason: reason ?? null };
    return this.runner.execute({
      streamId: evaluationStream(officialId),
      decider: evaluationDecider,
      request: { actorId: request.actor.id, body },
      command: async (): Promise<EvaluationCommand> => {
        const official = await loadAggregate(this.store, officialDecider, officialStream(officialId));
        if (official.state.status === 'absent') throw officialNotFound(officialId);
        await this.scope.assertMayActOnUnit(request.actor, official.state.unitId);
        const metadata = commandContext(request, this.clock, reason);
        return reason === undefined
          ? { type: 'RecordEvaluation', data: { officialId, officialUnitId: official.state.unitId, period, rating, note }, metadata }
          : { type: 'CorrectEvaluation', data: { officialId, period, rating, note, reason }, metadata };
      },
      idempotencyKey,
      correlationId: request.correlationId,
      respond: (state, outcome) => toEvaluationResponse(state, period, outcome),
    });
  }
}

export function toEvaluationResponse(state: EvaluationState, period: string, outcome: Pick<CommandOutcome, 'version'>): EvaluationResponse {
  const rated = state.status === 'rated' ? state.periods[period] : undefined;
  if (state.status !== 'rated' || !rated) throw new Error(`No rating for ${period}`);
  return {
    officialId: state.officialId,
    period,
    periodKind: rated.kind,
    rating: rated.rating,
    note: rated.note,
    corrections: rated.corrections,
    version: outcome.version,
  };
}
