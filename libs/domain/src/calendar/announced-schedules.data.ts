import type { AnnouncedSchedule, ScheduledDayOff, ScheduledWorkingDay } from './calendar-schedule.types';
import { LABOUR_CODE_COMPENSATORY, LABOUR_CODE_HOLIDAYS, type HolidayId } from './holidays';

/**
 * Reviewed data: the public-servant schedules the government announced for 2022–2026
 * (cán bộ, công chức, viên chức of administrative and public-service agencies, political and
 * socio-political organisations, on a Monday–Friday week). Each entry cites its document;
 * days the announcements leave to the Labour Code cite the Code. Checked in
 * announced-schedules.unit.spec.ts against the rules (ruleBasedSchedule + the swaps below).
 *
 * Where a number or date could not be confirmed from the document itself it says "(to verify)".
 * Add a year: append a schedule here with its sources (see docs/calendar.md), or let an
 * administrator enter the announcement as overrides (PUT /api/v1/calendar/:year/overrides).
 */
const LC = LABOUR_CODE_HOLIDAYS;
const LC_COMP = LABOUR_CODE_COMPENSATORY;

const VPCP_245_2022 =
  'Văn phòng Chính phủ, Công văn 245/VPCP-KGVX ngày 11/01/2022 (Tết Âm lịch 31/01–04/02/2022; Quốc khánh 01–02/09/2022); Bộ LĐTBXH, Thông báo 119/TB-LĐTBXH (date to verify)';
const VPCP_8056_2022 =
  'Văn phòng Chính phủ, Công văn 8056/VPCP-KGVX ngày 01/12/2022 (Tết Âm lịch 20–26/01/2023; Quốc khánh 01–04/09/2023)';
const VPCP_8662_2023 =
  'Văn phòng Chính phủ, Công văn 8662/VPCP-KGVX ngày 03/11/2023 (Tết Âm lịch 08–14/02/2024; Quốc khánh 31/08–03/09/2024)';
const VPCP_2450_2024 =
  'Văn phòng Chính phủ, Công văn 2450/VPCP-KGVX ngày 12/04/2024 (hoán đổi ngày làm việc dịp 30/4 và 1/5/2024: nghỉ thứ Hai 29/4, làm bù thứ Bảy 04/5)';
const VPCP_8726_2024 =
  'Văn phòng Chính phủ, Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Tết Âm lịch 27–31/01/2025; hoán đổi 02/5 với thứ Bảy 26/4/2025; Quốc khánh 01–02/09/2025); Bộ LĐTBXH, thông báo ngày 03/12/2024 (number to verify)';
const VPCP_9859_2025 =
  'Văn phòng Chính phủ, Công văn 9859/VPCP-KGVX ngày 13/10/2025; Bộ Nội vụ, Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Âm lịch 16–20/02/2026; Quốc khánh 01–02/09/2026, hoán đổi 31/8 với thứ Bảy 22/8/2026)';
const VPCP_12729_2025 =
  'Văn phòng Chính phủ, Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch 2026: nghỉ 01–04/01, hoán đổi thứ Sáu 02/01 với thứ Bảy 10/01/2026)';

const off = (date: string, holiday: HolidayId, source: string): ScheduledDayOff => ({ date, holiday, kind: 'holiday', source });
const comp = (date: string, holiday: HolidayId): ScheduledDayOff => ({ date, holiday, kind: 'compensatory', source: LC_COMP });
const swapped = (date: string, holiday: HolidayId, source: string): ScheduledDayOff => ({ date, holiday, kind: 'swapped', source });
const worked = (date: string, inLieuOf: string, holiday: HolidayId, source: string): ScheduledWorkingDay => ({
  date,
  inLieuOf,
  holiday,
  source,
});
const tet = (dates: string[], source: string) => dates.map((date) => off(date, 'tet', source));

function schedule(year: number, daysOff: ScheduledDayOff[], workingDays: ScheduledWorkingDay[] = []): AnnouncedSchedule {
  const sorted = [...daysOff].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year, sources: [...new Set([...sorted, ...workingDays].map((d) => d.source))], daysOff: sorted, workingDays };
}

export const ANNOUNCED_SCHEDULES: readonly AnnouncedSchedule[] = [
  schedule(2022, [
    off('2022-01-01', 'new_year', LC), // Saturday
    comp('2022-01-03', 'new_year'),
    ...tet(['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'], VPCP_245_2022), // 29 Chạp – mùng 4
    off('2022-04-10', 'hung_kings', LC), // Sunday
    comp('2022-04-11', 'hung_kings'),
    off('2022-04-30', 'reunification_day', LC), // Saturday
    off('2022-05-01', 'labour_day', LC), // Sunday
    comp('2022-05-02', 'reunification_day'),
    comp('2022-05-03', 'labour_day'),
    off('2022-09-01', 'national_day', VPCP_245_2022),
    off('2022-09-02', 'national_day', VPCP_245_2022),
  ]),
  schedule(2023, [
    off('2023-01-01', 'new_year', LC), // Sunday
    comp('2023-01-02', 'new_year'),
    // 29 Chạp (Fri) – mùng 3 (Tue); 30 Chạp and mùng 1 fall on the weekend: compensatory 25–26/01.
    ...tet(['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24'], VPCP_8056_2022),
    { ...comp('2023-01-25', 'tet'), source: `${VPCP_8056_2022}; ${LC_COMP}` },
    { ...comp('2023-01-26', 'tet'), source: `${VPCP_8056_2022}; ${LC_COMP}` },
    off('2023-04-29', 'hung_kings', LC), // Saturday
    off('2023-04-30', 'reunification_day', LC), // Sunday
    off('2023-05-01', 'labour_day', LC),
    comp('2023-05-02', 'hung_kings'),
    comp('2023-05-03', 'reunification_day'),
    off('2023-09-01', 'national_day', VPCP_8056_2022),
    off('2023-09-02', 'national_day', VPCP_8056_2022), // Saturday
    { ...comp('2023-09-04', 'national_day'), source: `${VPCP_8056_2022}; ${LC_COMP}` },
  ]),
  schedule(
    2024,
    [
      off('2024-01-01', 'new_year', LC),
      // 29 Chạp (Thu) – mùng 3 (Mon); mùng 1 and 2 fall on the weekend: compensatory 13–14/02.
      ...tet(['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'], VPCP_8662_2023),
      { ...comp('2024-02-13', 'tet'), source: `${VPCP_8662_2023}; ${LC_COMP}` },
      { ...comp('2024-02-14', 'tet'), source: `${VPCP_8662_2023}; ${LC_COMP}` },
      off('2024-04-18', 'hung_kings', LC),
      swapped('2024-04-29', 'reunification_day', VPCP_2450_2024),
      off('2024-04-30', 'reunification_day', LC),
      off('2024-05-01', 'labour_day', LC),
      off('2024-09-02', 'national_day', VPCP_8662_2023),
      off('2024-09-03', 'national_day', VPCP_8662_2023),
    ],
    [worked('2024-05-04', '2024-04-29', 'reunification_day', VPCP_2450_2024)],
  ),
  schedule(
    2025,
    [
      off('2025-01-01', 'new_year', LC),
      // 28 Chạp (Mon) – mùng 3 (Fri): with the weekends, nine days 25/01–02/02.
      ...tet(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], VPCP_8726_2024),
      off('2025-04-07', 'hung_kings', LC),
      off('2025-04-30', 'reunification_day', LC),
      off('2025-05-01', 'labour_day', LC),
      swapped('2025-05-02', 'labour_day', VPCP_8726_2024),
      off('2025-09-01', 'national_day', VPCP_8726_2024),
      off('2025-09-02', 'national_day', VPCP_8726_2024),
    ],
    [worked('2025-04-26', '2025-05-02', 'labour_day', VPCP_8726_2024)],
  ),
  schedule(
    2026,
    [
      off('2026-01-01', 'new_year', LC),
      swapped('2026-01-02', 'new_year', VPCP_12729_2025),
      // 29 Chạp (Mon) – mùng 4 (Fri): with the weekends, nine days 14–22/02.
      ...tet(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], VPCP_9859_2025),
      off('2026-04-26', 'hung_kings', LC), // Sunday
      comp('2026-04-27', 'hung_kings'),
      off('2026-04-30', 'reunification_day', LC),
      off('2026-05-01', 'labour_day', LC),
      swapped('2026-08-31', 'national_day', VPCP_9859_2025),
      off('2026-09-01', 'national_day', VPCP_9859_2025),
      off('2026-09-02', 'national_day', VPCP_9859_2025),
    ],
    [
      worked('2026-01-10', '2026-01-02', 'new_year', VPCP_12729_2025),
      worked('2026-08-22', '2026-08-31', 'national_day', VPCP_9859_2025),
    ],
  ),
];
