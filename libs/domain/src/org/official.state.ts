export interface AbsentOfficial {
  status: 'absent';
}

export interface ActiveOfficial {
  status: 'active';
  id: string;
  fullName: string;
  /** The unit the official currently belongs to. */
  unitId: string;
  position: string;
  email: string | null;
}

export type OfficialState = AbsentOfficial | ActiveOfficial;

export const initialOfficialState = (): OfficialState => ({ status: 'absent' });
