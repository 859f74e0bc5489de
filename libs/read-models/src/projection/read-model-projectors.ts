import { findingView, findingWorkflowView } from '../views/finding-view.definition';
import { caseView } from '../views/case-view.definition';
import { evaluationView } from '../views/evaluation-view.definition';
import { inspectionView } from '../views/inspection-view.definition';
import { officialView } from '../views/official-view.definition';
import { unitView } from '../views/unit-view.definition';
import { AggregateViewProjector } from './aggregate-view.projector';
import type { Projector } from './projector';

/** Every read-model projector; each runs on its own checkpointed subscription. */
export function readModelProjectors(): Projector[] {
  return [
    new AggregateViewProjector(unitView),
    new AggregateViewProjector(officialView),
    new AggregateViewProjector(inspectionView),
    new AggregateViewProjector(findingView),
    new AggregateViewProjector(findingWorkflowView),
    new AggregateViewProjector(caseView),
    new AggregateViewProjector(evaluationView),
  ];
}
