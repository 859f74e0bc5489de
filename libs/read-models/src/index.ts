export * from './projection/projector';
export * from './projection/aggregate-view.definition';
export * from './projection/aggregate-view.projector';
export * from './projection/view-barrier';
export * from './projection/read-model-projectors';
export * from './schema/read-model.schema';
export * from './entities/aggregate-view.columns';
export * from './entities/finding-view.entity';
export * from './entities/inspection-view.entity';
export * from './entities/unit-view.entity';
export * from './entities/official-view.entity';
export * from './views/finding-view.definition';
export * from './views/inspection-view.definition';
export * from './views/unit-view.definition';
export * from './views/official-view.definition';
export * from './views/case-view.definition';
export * from './views/evaluation-view.definition';

import { FindingViewEntity } from './entities/finding-view.entity';
import { InspectionViewEntity } from './entities/inspection-view.entity';
import { OfficialViewEntity } from './entities/official-view.entity';
import { UnitViewEntity } from './entities/unit-view.entity';

export const READ_MODEL_ENTITIES = [FindingViewEntity, InspectionViewEntity, UnitViewEntity, OfficialViewEntity];
export * from './projection/projection-runner';
