import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One assessment, correction or withdrawal. Rows are only ever inserted: the database refuses
 * UPDATE, DELETE and TRUNCATE (migration CreateAssessments); `lineage_id` is filled by a trigger.
 * Reads go through assessments.queries.ts; the entity is the schema's description for TypeORM.
 */
@Entity({ name: 'assessment' })
export class AssessmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @Column({ name: 'competency_id', type: 'uuid' })
  competencyId!: string;

  @Column({ name: 'lineage_id', type: 'uuid' })
  lineageId!: string;

  @Column({ type: 'text' })
  kind!: 'assessment' | 'correction' | 'withdrawal';

  @Column({ type: 'text' })
  role!: 'manager' | 'self' | 'peer';

  @Column({ type: 'text', nullable: true })
  outcome!: 'rated' | 'not_assessed' | 'not_applicable' | null;

  @Column({ type: 'integer', nullable: true })
  level!: number | null;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'assessor_user_id', type: 'uuid' })
  assessorUserId!: string;

  @Column({ name: 'assessor_employee_id', type: 'uuid', nullable: true })
  assessorEmployeeId!: string | null;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  @Column({ type: 'text', nullable: true })
  confidence!: 'low' | 'medium' | 'high' | null;

  @Column({ name: 'replaces_id', type: 'uuid', nullable: true })
  replacesId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The locked review this record came from (its sign-off made it official). */
  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  reviewId!: string | null;
}

/** The record in force per employee, competency lineage and role, kept by a trigger on assessment. */
@Entity({ name: 'current_competency_level' })
export class CurrentCompetencyLevelEntity {
  @PrimaryColumn({ name: 'employee_id', type: 'uuid' })
  employeeId!: string;

  @PrimaryColumn({ name: 'lineage_id', type: 'uuid' })
  lineageId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @Column({ name: 'competency_id', type: 'uuid' })
  competencyId!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'integer', nullable: true })
  level!: number | null;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn!: string;
}

/** Instance settings an administrator may change at run time (`assessment.stale_after_months`). */
@Entity({ name: 'app_setting' })
export class AppSettingEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const ASSESSMENT_ENTITIES = [AssessmentEntity, CurrentCompetencyLevelEntity, AppSettingEntity];
