import { DEMO_OFFICIALS, DEMO_UNITS } from '../../../apps/engine/src/demo/demo-organisation';
import type { Role } from '../api/types';

/** A user of the demo organisation the dev sign-in offers (dev token `sub` + suggested role). */
export interface DemoUser {
  sub: string;
  name: string;
  role: Role;
  detail: string;
}

const headRole = (unitKind: string | undefined): Role => (unitKind === 'inspection_team' ? 'team_lead' : 'unit_head');

/**
 * Every demo official, with the role their post suggests (heads → unit_head or team_lead,
 * inspection-team members → inspector), plus board, auditor and administrator users that
 * are not officials. The role can be changed on the sign-in screen.
 */
export const DEMO_SIGN_IN_USERS: DemoUser[] = [
  ...DEMO_OFFICIALS.map((o) => {
    const unit = DEMO_UNITS.find((u) => u.id === o.unitId);
    const role: Role = o.head ? headRole(unit?.kind) : unit?.kind === 'inspection_team' ? 'inspector' : 'unit_head';
    return { sub: o.id, name: o.fullName, role, detail: `${o.position}, ${unit?.name ?? ''}` };
  }),
  { sub: 'demo-board-member', name: 'Hội đồng kỷ luật (demo)', role: 'board_member', detail: 'board_member' },
  { sub: 'demo-board-secretary', name: 'Thư ký hội đồng (demo)', role: 'board_secretary', detail: 'board_secretary' },
  { sub: 'demo-auditor', name: 'Kiểm toán viên (demo)', role: 'auditor', detail: 'auditor' },
  { sub: 'demo-admin', name: 'Quản trị viên (demo)', role: 'admin', detail: 'admin' },
];

export const ROLES: Role[] = ['inspector', 'team_lead', 'unit_head', 'supervisor', 'board_member', 'board_secretary', 'auditor', 'admin'];
