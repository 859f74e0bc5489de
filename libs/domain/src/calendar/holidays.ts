/**
 * The public holidays of Vietnam's Labour Code 2019 (Bộ luật Lao động 45/2019/QH14, Art. 112(1)):
 * New Year 1 day, Tết 5 days, Hùng Kings' day 1 day (10/3 lunar), 30/4 1 day, 1/5 1 day,
 * National Day 2 days (2/9 and one adjacent day). The Prime Minister fixes the Tết days and
 * the adjacent National Day day each year (Art. 112(3)).
 */
export const HOLIDAY_IDS = ['new_year', 'tet', 'hung_kings', 'reunification_day', 'labour_day', 'national_day'] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

export interface HolidayName {
  vi: string;
  en: string;
}

export const HOLIDAY_NAMES: Readonly<Record<HolidayId, HolidayName>> = {
  new_year: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch (Tết Nguyên đán)', en: 'Lunar New Year (Tết)' },
  hung_kings: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration Day" },
  reunification_day: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' },
  labour_day: { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day (1 May)' },
  national_day: { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' },
};

/** The statutory basis cited for days computed by rule. */
export const LABOUR_CODE_HOLIDAYS = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112';
export const LABOUR_CODE_COMPENSATORY = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3 (nghỉ bù)';
