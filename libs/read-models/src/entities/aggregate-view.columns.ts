import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';

/** Columns every aggregate view row has (see AggregateViewProjector). */
export abstract class AggregateViewEntity<S> {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  state!: S;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
