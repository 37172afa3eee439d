import type {
  CaseSource,
  ChangeStatus,
  FrameworkCounts,
  FrameworkDocument,
  FrameworkImportFormat,
  FrameworkStatus,
  FrameworkWarning,
  ImportIssueView,
  LocalizedText,
} from '@proficio/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The stable identity of a framework across its versions (`key`, unique; from the source's identifier, `sourceKey`). */
@Entity({ name: 'framework' })
export class FrameworkEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  /** The identifier the source gives it: its key, unless another framework came with the same identifier first. */
  @Column({ name: 'source_key', type: 'text' })
  sourceKey!: string;

  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'framework_version' })
export class FrameworkVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @Column({ name: 'version_number', type: 'integer' })
  versionNumber!: number;

  @Column({ name: 'previous_version_id', type: 'uuid', nullable: true })
  previousVersionId!: string | null;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'text', nullable: true })
  publisher!: string | null;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  licence!: string | null;

  @Column({ type: 'text', nullable: true })
  attribution!: string | null;

  @Column({ name: 'version_label', type: 'text' })
  versionLabel!: string;

  @Column({ name: 'default_language', type: 'text' })
  defaultLanguage!: string;

  @Column({ type: 'text', array: true })
  languages!: string[];

  /** What each depth of the tree is called (Moodle's taxonomy); null when the source does not say. */
  @Column({ name: 'depth_names', type: 'jsonb', nullable: true })
  depthNames!: LocalizedText[] | null;

  @Column({ type: 'text', default: 'draft' })
  status!: FrameworkStatus;

  @Column({ name: 'scale_key', type: 'text' })
  scaleKey!: string;

  @Column({ name: 'scale_name', type: 'jsonb' })
  scaleName!: LocalizedText;

  @Column({ name: 'source_format', type: 'text' })
  sourceFormat!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  counts!: FrameworkCounts;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  warnings!: FrameworkWarning[];

  /** What the CASE package this version came from said about its own records, for a CASE export to write back. */
  @Column({ name: 'case_source', type: 'jsonb', nullable: true })
  caseSource!: CaseSource | null;

  /** The warnings of the file this version was imported from; none for built-in packs. */
  @Column({ name: 'import_warnings', type: 'jsonb', default: () => "'[]'::jsonb" })
  importWarnings!: ImportIssueView[];

  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** The columns every row that belongs to one framework version starts with (its scale, categories, competencies, certifications). */
abstract class FrameworkVersionRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId!: string;
}

/** A text of a competency's level in its place among the level's others: a behaviour indicator, or an interview question. */
abstract class LevelTextRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'competency_level_id', type: 'uuid' })
  competencyLevelId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'jsonb' })
  text!: LocalizedText;
}

@Entity({ name: 'scale_level' })
export class ScaleLevelEntity extends FrameworkVersionRow {
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  label!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ name: 'guiding_phrase', type: 'jsonb', nullable: true })
  guidingPhrase!: LocalizedText | null;

  /** Whether the source marks this level as proficient; null when it does not say. */
  @Column({ type: 'boolean', nullable: true })
  proficient!: boolean | null;
}

@Entity({ name: 'category' })
export class CategoryEntity extends FrameworkVersionRow {
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'integer' })
  position!: number;
}

@Entity({ name: 'competency' })
export class CompetencyEntity extends FrameworkVersionRow {
  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'jsonb', nullable: true })
  guidance!: LocalizedText | null;

  @Column({ name: 'change_status', type: 'text', nullable: true })
  changeStatus!: ChangeStatus | null;

  @Column({ name: 'guidance_change_status', type: 'text', nullable: true })
  guidanceChangeStatus!: ChangeStatus | null;

  @Column({ name: 'related_keys', type: 'text', array: true, default: () => "'{}'" })
  relatedKeys!: string[];

  @Column({ name: 'not_practised_levels', type: 'jsonb', default: () => "'[]'::jsonb" })
  notPractisedLevels!: { level: number; note: LocalizedText }[];

  @Column({ type: 'integer' })
  position!: number;

  /** The same competency (same key) in the previous version, so ratings can be carried across. */
  @Column({ name: 'previous_competency_id', type: 'uuid', nullable: true })
  previousCompetencyId!: string | null;

  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText!: string;
}

@Entity({ name: 'competency_level' })
export class CompetencyLevelEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'competency_id', type: 'uuid' })
  competencyId!: string;

  @Column({ name: 'scale_level_id', type: 'uuid' })
  scaleLevelId!: string;

  @Column({ name: 'level_number', type: 'integer' })
  levelNumber!: number;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ name: 'change_status', type: 'text', nullable: true })
  changeStatus!: ChangeStatus | null;
}

@Entity({ name: 'behaviour_indicator' })
export class BehaviourIndicatorEntity extends LevelTextRow {}

@Entity({ name: 'interview_question' })
export class InterviewQuestionEntity extends LevelTextRow {
  /** Ordered probing questions. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  probes!: LocalizedText[];
}

@Entity({ name: 'certification' })
export class CertificationEntity extends FrameworkVersionRow {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Column({ name: 'competency_keys', type: 'text', array: true, default: () => "'{}'" })
  competencyKeys!: string[];

  @Column({ name: 'category_keys', type: 'text', array: true, default: () => "'{}'" })
  categoryKeys!: string[];

  @Column({ type: 'integer' })
  position!: number;
}

@Entity({ name: 'framework_import' })
export class FrameworkImportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  format!: FrameworkImportFormat;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'text', default: 'previewed' })
  status!: 'previewed' | 'committed';

  @Column({ name: 'framework_key', type: 'text' })
  frameworkKey!: string;

  @Column({ type: 'jsonb' })
  document!: FrameworkDocument;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  warnings!: ImportIssueView[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt!: Date | null;

  @Column({ name: 'committed_version_id', type: 'uuid', nullable: true })
  committedVersionId!: string | null;

  /** The account that committed the import. */
  @Column({ name: 'committed_by', type: 'uuid', nullable: true })
  committedBy!: string | null;
}

export const FRAMEWORK_ENTITIES = [
  FrameworkEntity,
  FrameworkVersionEntity,
  ScaleLevelEntity,
  CategoryEntity,
  CompetencyEntity,
  CompetencyLevelEntity,
  BehaviourIndicatorEntity,
  InterviewQuestionEntity,
  CertificationEntity,
  FrameworkImportEntity,
];
