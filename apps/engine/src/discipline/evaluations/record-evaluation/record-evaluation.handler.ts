import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../../application';
import { EvaluationWriter, type EvaluationInput, type EvaluationResponse } from '../evaluation-writer';

export class RecordEvaluationCommand extends Command<EvaluationResponse> {
  constructor(
    readonly input: EvaluationInput,
    readonly request: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(RecordEvaluationCommand)
export class RecordEvaluationHandler implements ICommandHandler<RecordEvaluationCommand, EvaluationResponse> {
  constructor(private readonly writer: EvaluationWriter) {}

  execute({ input, request }: RecordEvaluationCommand): Promise<EvaluationResponse> {
    return this.writer.write(input, request);
  }
}
