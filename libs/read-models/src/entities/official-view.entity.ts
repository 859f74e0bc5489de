import { Column, Entity } from 'typeorm';
import type { ActiveOfficial } from '@rectify/domain';
import { AggregateViewEntity } from './aggregate-view.columns';

@Entity({ name: 'rm_officials' })
export class OfficialViewEntity extends AggregateViewEntity<ActiveOfficial> {
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId!: string;
}
