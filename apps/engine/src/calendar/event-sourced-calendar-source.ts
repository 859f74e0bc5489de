import {
  CALENDAR_OVERRIDES_SET,
  calendarStream,
  createBusinessCalendar,
  type CalendarOverrides,
  type DatedReason,
  type VietnamBusinessCalendar,
} from '@rectify/domain';
import { compareLogPositions, LOG_START, type EventStore, type LogPosition, type RecordedEvent } from '@rectify/event-store';
import type { BusinessCalendarSource } from './calendar.tokens';

/** How long a calendar is served before the log is checked for overrides written elsewhere. */
export const CALENDAR_REFRESH_INTERVAL_MS = 2_000;
const PAGE = 500;

interface YearOverrides {
  version: number;
  overrides: CalendarOverrides;
}

/**
 * BUSINESS_CALENDAR_SOURCE: shipped schedules + the latest CalendarOverridesSet of each
 * `calendar-<year>` stream, read through the EventStore.
 * - Catch-up: readAll({types: [CalendarOverridesSet]}) after the last position seen; the
 *   position then advances to the head read *before* the batch, which is safe because the
 *   log is gap-free (nothing can appear below a head already visible).
 * - Writes through this process call `refreshYear` (reads the year's stream directly), so
 *   the writer sees its own override at once, whatever the server-wide read horizon.
 * - Per year, only a higher stream version replaces what is known (the two paths may race).
 * Built by CalendarModule's factory (the refresh interval is a constructor argument).
 */
export class EventSourcedCalendarSource implements BusinessCalendarSource {
  private readonly years = new Map<number, YearOverrides>();
  private position: LogPosition = LOG_START;
  private calendar: VietnamBusinessCalendar | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly refreshIntervalMs = CALENDAR_REFRESH_INTERVAL_MS,
  ) {}

  async current(): Promise<VietnamBusinessCalendar> {
    if (this.calendar && performance.now() - this.checkedAt < this.refreshIntervalMs) return this.calendar;
    await this.catchUp();
    return this.calendar ?? this.rebuild();
  }

  /** After an override was written here: read `calendar-<year>` and serve it from now on. */
  async refreshYear(year: number): Promise<VietnamBusinessCalendar> {
    const events = await this.store.readStream(calendarStream(year));
    const last = events.filter((e) => e.type === CALENDAR_OVERRIDES_SET).at(-1);
    if (last && this.apply(last)) return this.rebuild();
    return this.calendar ?? this.rebuild();
  }

  private catchUp(): Promise<void> {
    this.syncing ??= this.readNewOverrides().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async readNewOverrides(): Promise<void> {
    const startedAt = performance.now();
    let changed = false;
    for (;;) {
      const head = await this.store.headPosition();
      const batch = await this.store.readAll({ after: this.position, types: [CALENDAR_OVERRIDES_SET], limit: PAGE });
      for (const event of batch) changed = this.apply(event) || changed;
      const lastSeen = batch.at(-1)?.logPosition;
      if (batch.length === PAGE && lastSeen) {
        this.position = lastSeen;
        continue;
      }
      this.position = [this.position, head, lastSeen ?? LOG_START].reduce((a, b) => (compareLogPositions(a, b) >= 0 ? a : b));
      break;
    }
    if (changed || !this.calendar) this.rebuild();
    this.checkedAt = startedAt;
  }

  /** True when the event is newer than what is known for its year. */
  private apply(event: RecordedEvent): boolean {
    const data = event.data as { year: number; daysOff: DatedReason[]; workingDays: DatedReason[] };
    const known = this.years.get(data.year);
    if (known && known.version >= event.version) return false;
    this.years.set(data.year, { version: event.version, overrides: { year: data.year, daysOff: data.daysOff, workingDays: data.workingDays } });
    return true;
  }

  private rebuild(): VietnamBusinessCalendar {
    this.calendar = createBusinessCalendar({ overrides: [...this.years.values()].map((y) => y.overrides) });
    return this.calendar;
  }
}
