import type { ChangeStatus } from './framework-document';

export type FrameworkStatus = 'draft' | 'published' | 'retired';

/** A list page. `page` is 1-based. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A text read in a requested language. `language` is the language the text is
 * actually in; `fallback` is true when the requested language was not
 * available and the framework's default language was used instead.
 */
export interface TextValue {
  text: string;
  language: string;
  fallback: boolean;
}

export type FrameworkWarningCode = 'placeholder-key' | 'truncated-text' | 'near-duplicate-indicator' | 'empty-level';

/** A data-quality finding stored with a framework version and shown where it applies. */
export interface FrameworkWarning {
  code: FrameworkWarningCode;
  message: string;
  /** JSON pointer into the framework document, e.g. `/competencies/0/levels/3/indicators/5`. */
  location: string;
  competencyKey?: string;
  level?: number;
}

export interface FrameworkCounts {
  competencies: number;
  levels: number;
  indicators: number;
  questions: number;
}

/** One framework (its latest version) in the framework library. */
export interface FrameworkSummary {
  /** Id of this framework version. */
  id: string;
  key: string;
  code: string;
  name: TextValue;
  versionLabel: string;
  versionNumber: number;
  status: FrameworkStatus;
  defaultLanguage: string;
  languages: string[];
  publisher?: string;
  builtIn: boolean;
  counts: FrameworkCounts;
  /** Data-quality findings plus the warnings of the file the version was imported from. */
  warningCount: number;
}

export interface FrameworkListQuery {
  q?: string;
  page?: number;
  pageSize?: number;
  lang?: string;
}

export interface ScaleLevelView {
  number: number;
  code: string;
  label: TextValue;
  description?: TextValue;
  guidingPhrase?: TextValue;
  /** Set when the source says whether this level is proficient (Moodle's scale configuration). */
  proficient?: boolean;
}

export interface CategoryNode {
  id: string;
  key: string;
  code?: string;
  name: TextValue;
  description?: TextValue;
  children: CategoryNode[];
  /** Competencies directly in this category, in document order. */
  competencyIds: string[];
}

export interface InterviewQuestionView {
  text: TextValue;
  probes: TextValue[];
}

export interface CompetencyLevelView {
  /** Id of this competency level: assessments and evidence point here. */
  id: string;
  level: number;
  description?: TextValue;
  changeStatus?: ChangeStatus;
  indicators: TextValue[];
  questions: InterviewQuestionView[];
}

export interface CompetencyView {
  id: string;
  key: string;
  code: string;
  categoryId?: string;
  title: TextValue;
  description?: TextValue;
  guidance?: TextValue;
  changeStatus?: ChangeStatus;
  guidanceChangeStatus?: ChangeStatus;
  /** Only the levels at which the competency is defined, ascending. */
  levels: CompetencyLevelView[];
  notPractisedLevels: { level: number; note: TextValue }[];
}

export interface CertificationView {
  name: string;
  issuer?: string;
  competencyIds: string[];
  categoryIds: string[];
}

/** One framework version as a tree, in one call: `GET /api/frameworks/:id`. */
export interface FrameworkTree extends Omit<FrameworkSummary, 'counts' | 'warningCount'> {
  /** The language asked for (`?lang=` or Accept-Language), before any fallback. */
  requestedLanguage: string;
  description?: TextValue;
  sourceUrl?: string;
  licence?: string;
  attribution?: string;
  scale: { name: TextValue; levels: ScaleLevelView[] };
  /** What each depth of the tree is called, from the top (e.g. Domain, Competency, Behaviour); absent when the source does not say. */
  depthNames?: TextValue[];
  /** Top-level categories; competencies without a category are listed in `uncategorisedCompetencyIds`. */
  categories: CategoryNode[];
  uncategorisedCompetencyIds: string[];
  competencies: CompetencyView[];
  certifications: CertificationView[];
  warnings: FrameworkWarning[];
  /** The warnings of the file this version was imported from (what the import could not keep); none for built-in packs. */
  importWarnings: ImportIssueView[];
  counts: FrameworkCounts;
}

/**
 * A competency as a framework's outline lists it: what the framework browser needs to list, find and place it (its
 * levels' texts, indicators and questions are read one competency at a time, with `GET /api/competencies/:id`).
 */
export interface CompetencyOutline {
  id: string;
  key: string;
  code: string;
  /** Its title, in the requested language unless `titleLanguage` says otherwise. */
  title: string;
  /** The language `title` is in when the requested one was not available (a fallback); absent when it is the requested one. */
  titleLanguage?: string;
  /** Numbers of the levels at which it is defined, ascending. */
  levels: number[];
  /** Numbers of the levels it declares not practised, ascending; absent when none. */
  notPractisedLevels?: number[];
}

/** A category in a framework's outline. */
export interface CategoryOutline extends Omit<CategoryNode, 'children' | 'competencyIds'> {
  children: CategoryOutline[];
  /** Competencies directly in this category, in document order, as indexes into `FrameworkOutline.competencies`. */
  competencies: number[];
}

/**
 * One framework version without its competencies' levels, in one call: `GET /api/frameworks/:id/outline`. Everything
 * `FrameworkTree` says of the framework itself (scale, categories, certifications, warnings), and each competency as
 * `CompetencyOutline`, in document order (the order the warnings' JSON pointers count in).
 */
export interface FrameworkOutline extends Omit<FrameworkTree, 'categories' | 'uncategorisedCompetencyIds' | 'competencies'> {
  categories: CategoryOutline[];
  /** Competencies without a category, as indexes into `competencies`. */
  uncategorised: number[];
  competencies: CompetencyOutline[];
}

/** The framework version a competency belongs to, as shown beside it. */
export interface FrameworkRef {
  id: string;
  code: string;
  name: TextValue;
  versionLabel: string;
  versionNumber: number;
}

/** One competency found by `GET /api/competencies?q=`. */
export interface CompetencySearchHit {
  id: string;
  code: string;
  title: TextValue;
  framework: FrameworkRef;
  /** Levels at which the competency is defined. */
  levels: number[];
}

export interface CompetencySearchQuery {
  q?: string;
  frameworkId?: string;
  lang?: string;
  page?: number;
  pageSize?: number;
}

/** One competency with all its levels: `GET /api/competencies/:id`. */
export interface CompetencyDetail extends CompetencyView {
  framework: FrameworkRef & { defaultLanguage: string; languages: string[] };
  requestedLanguage: string;
  scale: ScaleLevelView[];
}

export const FRAMEWORK_IMPORT_FORMATS = ['proficio-json', 'moodle-csv', 'sfia-csv', 'case'] as const;
export type FrameworkImportFormat = (typeof FRAMEWORK_IMPORT_FORMATS)[number];

export const FRAMEWORK_EXPORT_FORMATS = ['proficio-json', 'moodle-csv', 'case'] as const;
export type FrameworkExportFormat = (typeof FRAMEWORK_EXPORT_FORMATS)[number];

/**
 * What an export did besides writing the framework as stored: `regenerated` — made anew because the source had
 * none that the format accepts (identifiers, dates); `added` — written although the source did not have it, because
 * the format requires it or could not tell the framework otherwise; `left-out` — what the format cannot hold.
 */
export type FrameworkExportNoteKind = 'regenerated' | 'added' | 'left-out';

export interface FrameworkExportNote {
  kind: FrameworkExportNoteKind;
  /** What and why, in one sentence, e.g. "3 item identifiers were not UUIDs: new ones were made from them …". */
  message: string;
  /** How many records or places it is about. */
  count: number;
  /** Where in the framework document (JSON pointers, the first few), when it is about places in it. */
  locations?: string[];
}

/** `GET /api/frameworks/:id/export/preview?format=`: the file the download gives, and what the export regenerated, added or left out. */
export interface FrameworkExportPreview {
  format: FrameworkExportFormat;
  /** The name the download gets. */
  fileName: string;
  mediaType: string;
  /** The download's size in bytes. */
  size: number;
  /** Empty when the file keeps everything the version holds, with the source's identifiers. */
  notes: FrameworkExportNote[];
}

/** A finding about an imported file, with where it is: `row 12, column 4 (Scale values)` or a JSON pointer. */
export interface ImportIssueView {
  severity: 'error' | 'warning';
  message: string;
  location: string;
}

/** Framework-level texts a version can lose wholesale. */
export const FRAMEWORK_LOSABLE_FIELDS = ['licence', 'attribution', 'publisher', 'sourceUrl'] as const;
export type FrameworkLosableField = (typeof FRAMEWORK_LOSABLE_FIELDS)[number];

/**
 * What the latest version holds that an incoming version would not. Places are
 * matched by key: competencies and categories by key, levels by competency key
 * and level number, scale levels by number, indicators and questions by their
 * position in their level. A text whose place is gone counts under its kind
 * (a removed competency counts itself and all of its level texts); a text kept
 * at its place without one of its languages counts as a translation.
 */
export interface FrameworkContentLoss {
  competencies: number;
  categories: number;
  /** Competency level descriptions (and "not practised" notes). */
  levelDescriptions: number;
  indicators: number;
  /** Interview questions and their probing questions. */
  questions: number;
  guidance: number;
  /** Descriptions of the framework, its categories and competencies. */
  descriptions: number;
  /** Scale levels, and their descriptions and guiding phrases. */
  scaleTexts: number;
  certifications: number;
  /** Texts still there but without a language they had. */
  translations: number;
  /** Languages the latest version has and the incoming one has not at all. */
  languages: string[];
  /** Framework texts the latest version has and the incoming one has not. */
  frameworkFields: FrameworkLosableField[];
  /** Everything above added up (each field counts one): 0 when nothing would be lost. */
  total: number;
}

/**
 * How much an incoming document shares with the latest version of the framework whose identifier it carries:
 * `title`, the share of words the two framework names have in common (Jaccard, 0–1); `items`, the share of
 * categories and competencies found in the other (by key, code or title; 0–1). `similar` when
 * `title` ≥ 0.5 or `items` ≥ 0.3: below both, the identifier is all they share.
 */
export interface FrameworkSimilarity {
  title: number;
  items: number;
  similar: boolean;
}

/**
 * The scale a framework whose competencies have no levels of their own is rated on: a generic 1–5 proficiency
 * scale (Novice … Expert), or the scale of another framework version.
 */
export type FrameworkScaleChoice = { source: 'generic' } | { source: 'framework'; frameworkVersionId: string };
export const FRAMEWORK_SCALE_SOURCES = ['generic', 'framework'] as const;

/** `GET /api/frameworks/:id/scale` (admins): whether the scale of a version's framework can be changed, and why not. */
export interface FrameworkScaleStatus {
  /** A change writes the version after this one, the framework's latest. */
  latestVersionId: string;
  latestVersionNumber: number;
  /** No competency of the latest version has levels of its own: only such a framework can change its scale. */
  levelLess: boolean;
  /** The latest version is on the one-level placeholder scale an import gives a file without levels: nobody can be rated on it. */
  placeholder: boolean;
  /** People have been assessed on the framework: its scale can no longer change. */
  assessed: boolean;
}

/** `PUT /api/frameworks/:id/scale`: the framework's next version on another scale (no levels of its own, no assessments yet). */
export interface FrameworkScaleChangeResult {
  frameworkVersionId: string;
  versionNumber: number;
  /** False when the framework was already on that scale. */
  created: boolean;
}

/** What a commit writes: the next version of the framework found by the file's identifier, or a framework of its own. */
export const FRAMEWORK_IMPORT_TARGETS = ['new-version', 'new-framework'] as const;
export type FrameworkImportTarget = (typeof FRAMEWORK_IMPORT_TARGETS)[number];

/** The fields of a commit request the preview found necessary (see FrameworkImportCommitRequest). */
export type FrameworkImportCommitField = 'target' | 'acceptContentLoss' | 'acceptEmpty';

/**
 * What an uploaded file would become, before anything is written:
 * `POST /api/frameworks/imports` answers this; `POST /api/frameworks/imports/:id/commit` writes it.
 */
export interface FrameworkImportPreview {
  id: string;
  format: FrameworkImportFormat;
  fileName: string;
  status: 'previewed' | 'committed';
  createdAt: string;
  framework: {
    key: string;
    code: string;
    name: TextValue;
    versionLabel: string;
    defaultLanguage: string;
    languages: string[];
  };
  counts: FrameworkCounts;
  /** Problems of the file that did not stop the import. */
  warnings: ImportIssueView[];
  /** Data-quality findings that will be stored with the version. */
  dataQualityWarnings: FrameworkWarning[];
  /** Set when a framework with the same source key exists: the import becomes its next version. */
  existing?: {
    frameworkId: string;
    latestVersionId: string;
    latestVersionNumber: number;
    /** The latest version's code and name, to say "a new version of …". */
    code: string;
    name: TextValue;
    unchanged: boolean;
    /** What the import would lose of the latest version; absent when it is unchanged. */
    loss?: FrameworkContentLoss;
    /** How much the import shares with the latest version: when not `similar`, the commit must choose a `target`. */
    similarity: FrameworkSimilarity;
  };
  proposedVersionNumber: number;
  /** The scale the file's competencies would be rated on. */
  scale: {
    name: TextValue;
    levelCount: number;
    /**
     * The file defines no levels at all: it has a one-level placeholder scale nobody can be rated on, unless the
     * commit chooses one (`scale`) or, re-imported, it keeps the latest version's (`keptFromLatest`).
     */
    placeholder: boolean;
    /** The latest version's scale, kept for a file without one of its own. */
    keptFromLatest: boolean;
  };
  /**
   * The fields the commit request must set, as things stand: `target` when the file's identifier matches a
   * framework it shares little with (`existing.similarity.similar` false); `acceptContentLoss` when
   * `existing.loss.total` > 0 (unless the target chosen is a new framework); `acceptEmpty` when the file has
   * no competencies.
   */
  commitRequires: FrameworkImportCommitField[];
  committedVersionId?: string;
}

/** `POST /api/frameworks/imports/:id/commit`: the choices a preview asked for. */
export interface FrameworkImportCommitRequest {
  /**
   * A new version of the framework found by the file's identifier, or a new framework (with a key of its own);
   * required when the two share little (409 naming this field otherwise). Without it: a new version.
   */
  target?: FrameworkImportTarget;
  /** Must be true to publish a version that loses content of the latest one (409 naming this field otherwise). */
  acceptContentLoss?: boolean;
  /** Must be true to publish a framework without competencies (409 naming this field otherwise). */
  acceptEmpty?: boolean;
  /** The scale to rate on, for a file whose competencies have no levels of their own (422 naming this field otherwise). */
  scale?: FrameworkScaleChoice;
}

export interface FrameworkImportCommitResult {
  importId: string;
  frameworkVersionId: string;
  versionNumber: number;
  /** False when the file held exactly the latest version's content: nothing new was written. */
  created: boolean;
}
