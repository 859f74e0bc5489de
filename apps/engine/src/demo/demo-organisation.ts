/**
 * The demo organisation seeded into an empty event store (see DemoSeeder). Ids are fixed
 * so the README, e2e tests and dev tokens can name them: a dev token whose `sub` is an
 * official id acts as that official (e.g. an inspector opening an inspection is its member).
 *
 * Plain constants only (no Nest, no I/O), so tests and scripts can import them directly.
 */
import type { UnitKind } from '@rectify/domain';

/** Units: 00000000-0000-4000-a000-0000000001xx. */
export const DEMO_UNIT_IDS = {
  cityInspectionTeam: '00000000-0000-4000-a000-000000000101',
  districtInspectionTeam: '00000000-0000-4000-a000-000000000102',
  homeAffairsDepartment: '00000000-0000-4000-a000-000000000103',
  naturalResourcesDepartment: '00000000-0000-4000-a000-000000000104',
  constructionDepartment: '00000000-0000-4000-a000-000000000105',
  baDinhDistrict: '00000000-0000-4000-a000-000000000106',
  dienBienWard: '00000000-0000-4000-a000-000000000107',
  kimMaWard: '00000000-0000-4000-a000-000000000108',
  baDinhPublicServiceCentre: '00000000-0000-4000-a000-000000000109',
} as const;

/** Officials: 00000000-0000-4000-a000-0000000002xx. */
export const DEMO_OFFICIAL_IDS = {
  cityTeamLead: '00000000-0000-4000-a000-000000000201',
  cityInspector1: '00000000-0000-4000-a000-000000000202',
  cityInspector2: '00000000-0000-4000-a000-000000000203',
  districtTeamLead: '00000000-0000-4000-a000-000000000204',
  districtInspector: '00000000-0000-4000-a000-000000000205',
  homeAffairsDirector: '00000000-0000-4000-a000-000000000206',
  homeAffairsDeputyDirector: '00000000-0000-4000-a000-000000000207',
  naturalResourcesDirector: '00000000-0000-4000-a000-000000000208',
  naturalResourcesChiefOfOffice: '00000000-0000-4000-a000-000000000209',
  constructionDirector: '00000000-0000-4000-a000-000000000210',
  constructionHousingHead: '00000000-0000-4000-a000-000000000211',
  baDinhChairman: '00000000-0000-4000-a000-000000000212',
  baDinhChiefOfOffice: '00000000-0000-4000-a000-000000000213',
  dienBienChairman: '00000000-0000-4000-a000-000000000214',
  dienBienJusticeOfficer: '00000000-0000-4000-a000-000000000215',
  kimMaChairman: '00000000-0000-4000-a000-000000000216',
  kimMaOfficeOfficer: '00000000-0000-4000-a000-000000000217',
  publicServiceCentreDirector: '00000000-0000-4000-a000-000000000218',
  publicServiceCentreClerk1: '00000000-0000-4000-a000-000000000219',
  publicServiceCentreClerk2: '00000000-0000-4000-a000-000000000220',
} as const;

/** Dev-token subjects per role (POST /api/v1/dev/token {sub, role}). Admin needs no official. */
export const DEMO_USERS = {
  admin: 'demo-admin',
  team_lead: DEMO_OFFICIAL_IDS.cityTeamLead,
  inspector: DEMO_OFFICIAL_IDS.cityInspector1,
  unit_head: DEMO_OFFICIAL_IDS.dienBienChairman,
} as const;

export interface DemoUnit {
  id: string;
  name: string;
  code: string;
  kind: UnitKind;
  parentUnitId: string | null;
  supervisingUnitId: string | null;
}

export interface DemoOfficial {
  id: string;
  fullName: string;
  unitId: string;
  position: string;
  email: string | null;
  /** Appointed head of `unitId` (team lead for an inspection team). */
  head?: true;
}

const U = DEMO_UNIT_IDS;
const O = DEMO_OFFICIAL_IDS;

/** In creation order: a parent or supervising unit always comes before the units that name it. */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { id: U.cityInspectionTeam, name: 'Đoàn kiểm tra công vụ thành phố', code: 'DKTCV-TP', kind: 'inspection_team', parentUnitId: null, supervisingUnitId: null },
  { id: U.homeAffairsDepartment, name: 'Sở Nội vụ', code: 'SNV', kind: 'department', parentUnitId: null, supervisingUnitId: null },
  { id: U.naturalResourcesDepartment, name: 'Sở Tài nguyên và Môi trường', code: 'STNMT', kind: 'department', parentUnitId: null, supervisingUnitId: null },
  { id: U.constructionDepartment, name: 'Sở Xây dựng', code: 'SXD', kind: 'department', parentUnitId: null, supervisingUnitId: null },
  { id: U.baDinhDistrict, name: 'Quận Ba Đình', code: 'Q-BD', kind: 'district', parentUnitId: null, supervisingUnitId: null },
  { id: U.districtInspectionTeam, name: 'Đoàn kiểm tra công vụ quận Ba Đình', code: 'DKTCV-BD', kind: 'inspection_team', parentUnitId: U.baDinhDistrict, supervisingUnitId: U.cityInspectionTeam },
  { id: U.dienBienWard, name: 'UBND phường Điện Biên', code: 'P-DB', kind: 'ward', parentUnitId: U.baDinhDistrict, supervisingUnitId: null },
  { id: U.kimMaWard, name: 'UBND phường Kim Mã', code: 'P-KM', kind: 'ward', parentUnitId: U.baDinhDistrict, supervisingUnitId: null },
  { id: U.baDinhPublicServiceCentre, name: 'Trung tâm Phục vụ hành chính công quận Ba Đình', code: 'TTPVHCC-BD', kind: 'public_service_unit', parentUnitId: U.baDinhDistrict, supervisingUnitId: U.homeAffairsDepartment },
];

export const DEMO_OFFICIALS: readonly DemoOfficial[] = [
  { id: O.cityTeamLead, fullName: 'Nguyễn Văn Hùng', unitId: U.cityInspectionTeam, position: 'Trưởng đoàn kiểm tra công vụ', email: 'hung.nv@demo.rectify.vn', head: true },
  { id: O.cityInspector1, fullName: 'Trần Thị Mai Anh', unitId: U.cityInspectionTeam, position: 'Thành viên đoàn kiểm tra', email: 'anh.ttm@demo.rectify.vn' },
  { id: O.cityInspector2, fullName: 'Lê Quang Minh', unitId: U.cityInspectionTeam, position: 'Thành viên đoàn kiểm tra', email: null },
  { id: O.districtTeamLead, fullName: 'Phạm Đức Thắng', unitId: U.districtInspectionTeam, position: 'Trưởng đoàn kiểm tra công vụ quận', email: null, head: true },
  { id: O.districtInspector, fullName: 'Hoàng Thị Thu Hà', unitId: U.districtInspectionTeam, position: 'Thành viên đoàn kiểm tra', email: null },
  { id: O.homeAffairsDirector, fullName: 'Vũ Thị Lan Hương', unitId: U.homeAffairsDepartment, position: 'Giám đốc Sở', email: 'huong.vtl@demo.rectify.vn', head: true },
  { id: O.homeAffairsDeputyDirector, fullName: 'Đặng Minh Tuấn', unitId: U.homeAffairsDepartment, position: 'Phó Giám đốc Sở', email: null },
  { id: O.naturalResourcesDirector, fullName: 'Bùi Văn Khánh', unitId: U.naturalResourcesDepartment, position: 'Giám đốc Sở', email: null, head: true },
  { id: O.naturalResourcesChiefOfOffice, fullName: 'Đỗ Thị Ngọc Ánh', unitId: U.naturalResourcesDepartment, position: 'Chánh Văn phòng Sở', email: null },
  { id: O.constructionDirector, fullName: 'Ngô Quốc Bảo', unitId: U.constructionDepartment, position: 'Giám đốc Sở', email: null, head: true },
  { id: O.constructionHousingHead, fullName: 'Dương Thị Hồng Nhung', unitId: U.constructionDepartment, position: 'Trưởng phòng Quản lý nhà', email: null },
  { id: O.baDinhChairman, fullName: 'Lý Văn Thành', unitId: U.baDinhDistrict, position: 'Chủ tịch UBND quận', email: null, head: true },
  { id: O.baDinhChiefOfOffice, fullName: 'Trịnh Thị Phương', unitId: U.baDinhDistrict, position: 'Chánh Văn phòng HĐND và UBND quận', email: null },
  { id: O.dienBienChairman, fullName: 'Mai Xuân Trường', unitId: U.dienBienWard, position: 'Chủ tịch UBND phường', email: 'truong.mx@demo.rectify.vn', head: true },
  { id: O.dienBienJusticeOfficer, fullName: 'Phan Thị Yến', unitId: U.dienBienWard, position: 'Công chức Tư pháp - Hộ tịch', email: null },
  { id: O.kimMaChairman, fullName: 'Đinh Công Sơn', unitId: U.kimMaWard, position: 'Chủ tịch UBND phường', email: null, head: true },
  { id: O.kimMaOfficeOfficer, fullName: 'Tạ Thị Thanh Hoa', unitId: U.kimMaWard, position: 'Công chức Văn phòng - Thống kê', email: null },
  { id: O.publicServiceCentreDirector, fullName: 'Hồ Ngọc Diệp', unitId: U.baDinhPublicServiceCentre, position: 'Giám đốc Trung tâm', email: null, head: true },
  { id: O.publicServiceCentreClerk1, fullName: 'Lưu Văn Đạt', unitId: U.baDinhPublicServiceCentre, position: 'Viên chức tiếp nhận và trả kết quả', email: null },
  { id: O.publicServiceCentreClerk2, fullName: 'Cao Thị Kim Oanh', unitId: U.baDinhPublicServiceCentre, position: 'Viên chức tiếp nhận và trả kết quả', email: null },
];

/** Seed commands' idempotency keys contain '/', which HTTP Idempotency-Keys may not, so no client can take one first. */
export const DEMO_SEED_KEY_PREFIX = 'demo-seed/v1';
