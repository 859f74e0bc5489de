import type { Projector } from '@rectify/read-models';
import { SubjectIndexProjector } from './history/subject-index.projector';
import { ReportProjector } from './reports/report.projector';

/** The audit lib's rebuildable read models: the history index and the report figures. */
export function auditProjectors(): Projector[] {
  return [new SubjectIndexProjector(), new ReportProjector()];
}
