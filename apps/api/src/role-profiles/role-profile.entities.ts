import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type RoleProfileVersionStatus = 'draft' | 'published' | 'retired';

/** A role's stable identity and name; its requirements live in its versions. */
@Entity({ name: 'role_profile' })
export class RoleProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'role_profile_version' })
export class RoleProfileVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'role_profile_id', type: 'uuid' })
  roleProfileId!: string;

  @Column({ name: 'version_number', type: 'integer' })
  versionNumber!: number;

  @Column({ name: 'previous_version_id', type: 'uuid', nullable: true })
  previousVersionId!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: RoleProfileVersionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** One competency a version asks for, at one of that competency's own levels. */
@Entity({ name: 'role_profile_requirement' })
export class RoleProfileRequirementEntity {
  @PrimaryColumn({ name: 'role_profile_version_id', type: 'uuid' })
  roleProfileVersionId!: string;

  @PrimaryColumn({ name: 'competency_id', type: 'uuid' })
  competencyId!: string;

  @Column({ name: 'target_level', type: 'integer' })
  targetLevel!: number;

  /** false: "nice to have". */
  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'integer' })
  position!: number;
}

export const ROLE_PROFILE_ENTITIES = [RoleProfileEntity, RoleProfileVersionEntity, RoleProfileRequirementEntity];
