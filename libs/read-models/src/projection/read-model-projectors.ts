import { findingView, findingWorkflowView } from '../views/finding-view.definition';
import { caseView } from '../views/case-view.definition';
import { evaluationView } from '../views/evaluation-view.definition';
import { inspectionView } from '../views/inspection-view.definition';
import { officialView } from '../views/official-view.definition';
import { unitView } from '../views/unit-view.definition';
import { AggregateViewProjector } from './aggregate-view.projector';
import type { AggregateViewDefinition } from './aggregate-view.definition';
import type { Projector } from './projector';
import { readModelIndexes } from '../schema/read-model.schema';

const view = <S>(definition: AggregateViewDefinition<S>) => new AggregateViewProjector(definition, readModelIndexes(definition.table));

/** Every read-model projector; each runs on its own checkpointed subscription. */
export function readModelProjectors(): Projector[] {
  return [
    view(unitView),
    view(officialView),
    view(inspectionView),
    view(findingView),
    view(findingWorkflowView),
    view(caseView),
    view(evaluationView),
  ];
}
