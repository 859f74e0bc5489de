import { DeciderSpecification } from '@rectify/testing';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../shared';
import type { DeactivateOfficial, TransferOfficial } from './official.commands';
import { officialDecider } from './official.decider';
import type { OfficialEvent } from './official.events';

const NOW = new Date('2024-01-02T01:00:00Z');
const spec = () => DeciderSpecification.for(officialDecider);
const meta = { actor: { id: 'system', role: 'system' as const }, now: NOW };
const registered: OfficialEvent = {
  type: 'OfficialRegistered',
  data: { officialId: 'o-1', fullName: 'Nguyễn Văn An', unitId: 'u-1', position: 'Công chức một cửa', email: null },
};
const transfer = (patch: Partial<TransferOfficial['data']> = {}): TransferOfficial => ({
  type: 'TransferOfficial',
  data: { officialId: 'o-1', toUnitId: 'u-2', position: ' Chuyên viên ', reason: 'Quyết định kỷ luật', ...patch },
  metadata: meta,
});
const deactivate = (reason = 'Buộc thôi việc'): DeactivateOfficial => ({
  type: 'DeactivateOfficial',
  data: { officialId: 'o-1', reason },
  metadata: meta,
});
const transferred: OfficialEvent = {
  type: 'OfficialTransferred',
  data: { officialId: 'o-1', fromUnitId: 'u-1', toUnitId: 'u-2', fromPosition: 'Công chức một cửa', position: 'Chuyên viên', reason: 'Quyết định kỷ luật' },
};
const deactivated: OfficialEvent = { type: 'OfficialDeactivated', data: { officialId: 'o-1', unitId: 'u-1', reason: 'Buộc thôi việc' } };

describe('official decider: transfer and deactivation', () => {
  it('transfers an official to a unit and position, naming where they came from', () => {
    spec().given([registered]).when(transfer()).then([transferred]);
    spec().given([registered]).when(transfer()).thenState({ status: 'active', unitId: 'u-2', position: 'Chuyên viên' });
  });

  it('refuses a transfer to where the official already is, of an unknown or inactive official, or without reason', () => {
    spec().given([registered]).when(transfer({ toUnitId: 'u-1', position: 'Công chức một cửa' })).thenThrows(IllegalTransitionError, 'OFFICIAL.ALREADY_THERE');
    spec().given([]).when(transfer()).thenThrows(NotFoundError, 'OFFICIAL.NOT_FOUND');
    spec().given([registered, deactivated]).when(transfer()).thenThrows(IllegalTransitionError, 'OFFICIAL.INACTIVE');
    spec().given([registered]).when(transfer({ reason: ' ' })).thenThrows(ValidationError, 'OFFICIAL.INVALID_REASON');
    spec().given([registered]).when(transfer({ position: '' })).thenThrows(ValidationError, 'OFFICIAL.INVALID_POSITION');
  });

  it('deactivates an official once; the record remains', () => {
    spec().given([registered]).when(deactivate()).then([deactivated]);
    spec().given([registered]).when(deactivate()).thenState({ status: 'inactive', id: 'o-1', unitId: 'u-1' });
    spec().given([registered, deactivated]).when(deactivate()).thenThrows(IllegalTransitionError, 'OFFICIAL.INACTIVE');
  });

  it('refuses other roles', () => {
    const asHead = { ...transfer(), metadata: { actor: { id: 'h', role: 'unit_head' as const }, now: NOW } };
    spec().given([registered]).when(asHead).thenThrows(ForbiddenError, 'OFFICIAL.FORBIDDEN');
  });
});
