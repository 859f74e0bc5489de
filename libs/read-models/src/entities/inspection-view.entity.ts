import { Column, Entity } from 'typeorm';
import type { InspectionState } from '@rectify/domain';
import { AggregateViewEntity } from './aggregate-view.columns';

@Entity({ name: 'rm_inspections' })
export class InspectionViewEntity extends AggregateViewEntity<Exclude<InspectionState, { status: 'absent' }>> {
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId!: string;
  @Column({ name: 'team_id', type: 'text' }) teamId!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
}
