import type {
  PeopleImportColumn,
  PeopleImportCommitResult,
  PeopleImportCounts,
  PeopleImportFormat,
  PeopleImportRowAction,
  PeopleImportRowError,
} from '@proficio/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An uploaded people file between preview and commit; its rows are in people_import_row. */
@Entity({ name: 'people_import' })
export class PeopleImportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  format!: PeopleImportFormat;

  @Column({ type: 'text', default: 'previewed' })
  status!: 'previewed' | 'committed';

  /** The optional columns the file has (email and name are always there). */
  @Column({ type: 'text', array: true })
  columns!: PeopleImportColumn[];

  @Column({ type: 'jsonb' })
  counts!: PeopleImportCounts;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  warnings!: string[];

  /** Paths of the teams the commit would create, parents first. */
  @Column({ name: 'teams_to_create', type: 'jsonb', default: () => "'[]'::jsonb" })
  teamsToCreate!: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: PeopleImportCommitResult | null;
}

/** One line of an uploaded file, as read, with the preview's decision. */
@Entity({ name: 'people_import_row' })
export class PeopleImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'job_title', type: 'text', nullable: true })
  jobTitle!: string | null;

  @Column({ name: 'team_path', type: 'text', nullable: true })
  teamPath!: string | null;

  @Column({ name: 'manager_email', type: 'text', nullable: true })
  managerEmail!: string | null;

  @Column({ name: 'role_profile', type: 'text', nullable: true })
  roleProfile!: string | null;

  @Column({ name: 'extra_cells', type: 'boolean', default: false })
  extraCells!: boolean;

  @Column({ type: 'text' })
  action!: PeopleImportRowAction;

  @Column({ type: 'jsonb', nullable: true })
  errors!: PeopleImportRowError[] | null;
}

export const PEOPLE_IMPORT_ENTITIES = [PeopleImportEntity, PeopleImportRowEntity];
