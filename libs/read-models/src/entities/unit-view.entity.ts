import { Column, Entity } from 'typeorm';
import type { ActiveUnit } from '@rectify/domain';
import { AggregateViewEntity } from './aggregate-view.columns';

@Entity({ name: 'rm_units' })
export class UnitViewEntity extends AggregateViewEntity<ActiveUnit> {
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'parent_unit_id', type: 'text', nullable: true }) parentUnitId!: string | null;
  @Column({ name: 'head_official_id', type: 'text', nullable: true }) headOfficialId!: string | null;
}
