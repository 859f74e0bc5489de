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

/** Off the workforce (forced termination): kept for history; takes no new duties. */
export interface InactiveOfficial extends Omit<ActiveOfficial, 'status'> {
  status: 'inactive';
}

export type OfficialState = AbsentOfficial | ActiveOfficial | InactiveOfficial;

export const initialOfficialState = (): OfficialState => ({ status: 'absent' });
