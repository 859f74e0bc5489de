import type { ReferralRule } from '@rectify/domain';
import { LOG_START, type EventStore, type LogPosition } from '@rectify/event-store';

const PAGE = 500;

/**
 * Grounds already referred, per (official, rule), read through the EventStore port's readAll
 * (KurrentDB mode: CaseOpened events are not in PostgreSQL's `events` table). Incremental:
 * each call reads only the CaseOpened events after the last one seen (the first call after a
 * start reads them all once), so a case opened a moment ago by an earlier input always counts.
 * Sets only grow (a ground withdrawn from its case still counts as used), so replays and
 * concurrent callers are harmless; calls are serialised to keep the position monotonic.
 */
export class PortUsedGrounds {
  private after: LogPosition = LOG_START;
  private readonly used = new Map<string, Set<string>>();
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  async of(officialId: string, rule: ReferralRule): Promise<Set<string>> {
    const refresh = this.refreshing.then(() => this.readNew());
    this.refreshing = refresh.catch(() => undefined);
    await refresh;
    return new Set(this.used.get(key(officialId, rule)) ?? []);
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.after, types: ['CaseOpened'], limit: PAGE });
      for (const event of page) {
        const data = event.data as { subject?: { officialId?: string }; origin?: { rule?: string }; grounds?: { id: string }[] };
        if (!data.subject?.officialId || !data.origin?.rule) continue;
        const k = key(data.subject.officialId, data.origin.rule);
        const set = this.used.get(k) ?? new Set<string>();
        for (const ground of data.grounds ?? []) set.add(ground.id);
        this.used.set(k, set);
      }
      if (page.length > 0) this.after = page[page.length - 1].logPosition;
      if (page.length < PAGE) return;
    }
  }
}

const key = (officialId: string, rule: string): string => `${rule}\u0000${officialId}`;
