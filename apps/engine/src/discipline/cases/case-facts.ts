import { Inject, Injectable } from '@nestjs/common';
import {
  officialDecider,
  officialNotFound,
  officialStream,
  unitDecider,
  unitNotFound,
  unitStream,
  type ActiveOfficial,
  type ActiveUnit,
  type CaseSubject,
  type InactiveOfficial,
  type SubjectKind,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { loadAggregate } from '@rectify/workflow';
import { DISCIPLINE_CALENDAR, type DisciplineCalendarSource } from '../discipline-calendar';

/** Reads the registry facts case handlers need, straight from the streams (never a lagging view). */
@Injectable()
export class CaseFacts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DISCIPLINE_CALENDAR) readonly calendar: DisciplineCalendarSource,
  ) {}

  async official(officialId: string): Promise<ActiveOfficial | InactiveOfficial> {
    const { state } = await loadAggregate(this.store, officialDecider, officialStream(officialId));
    if (state.status === 'absent') throw officialNotFound(officialId);
    return state;
  }

  async unit(unitId: string): Promise<ActiveUnit> {
    const { state } = await loadAggregate(this.store, unitDecider, unitStream(unitId));
    if (state.status === 'absent') throw unitNotFound(unitId);
    return state;
  }

  /** The subject as the case records it: their unit now, and that unit's head (who may not vote). */
  async subject(officialId: string, kind: SubjectKind): Promise<CaseSubject> {
    const official = await this.official(officialId);
    const unit = await this.unit(official.unitId);
    return { officialId, kind, unitId: unit.id, unitHeadOfficialId: unit.headOfficialId };
  }
}
