import { Column, Entity } from 'typeorm';
import type { ExistingFinding } from '@rectify/domain';
import { AggregateViewEntity } from './aggregate-view.columns';

@Entity({ name: 'rm_findings' })
export class FindingViewEntity extends AggregateViewEntity<ExistingFinding> {
  @Column({ name: 'inspection_id', type: 'text' }) inspectionId!: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) severity!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'observed_at', type: 'timestamptz' }) observedAt!: Date;
}
