import { assertNever } from '../shared';
import { inspectionConflict, InspectionErrorCode, inspectionNotFound } from './inspection.errors';
import type { InspectionState, OpenInspectionState } from './inspection.state';

/**
 * Findings are recorded only against an open inspection: absent → INSPECTION.NOT_FOUND (404),
 * concluded → INSPECTION.CONCLUDED (409). The record-finding handler calls this with the
 * inspection named in RecordFinding before deciding.
 */
export function assertInspectionOpenForFindings(
  state: InspectionState,
  inspectionId: string,
): asserts state is OpenInspectionState {
  switch (state.status) {
    case 'open':
      return;
    case 'absent':
      throw inspectionNotFound(inspectionId);
    case 'concluded':
      throw inspectionConflict(InspectionErrorCode.CONCLUDED, `Inspection ${state.id} is concluded`, {
        inspectionId: state.id,
      });
    default:
      return assertNever(state);
  }
}
