/**
 * Proficio native framework document ("pack") format, version 1.
 * JSON Schema: proficio-framework.schema.json
 */

/** Text in several languages: BCP-47 language code -> text. */
export type LocalizedText = Record<string, string>;

/** SFIA-style change markers against the previous version of a framework. */
export type ChangeStatus = 'new' | 'modified' | 'unchanged';

export interface FrameworkDocument {
  format: 'proficio-framework';
  formatVersion: 1;
  framework: {
    /** Stable source identifier, kept across re-imports, e.g. "sfia-itmg". */
    key: string;
    /** Short code shown to users. */
    code: string;
    name: LocalizedText;
    description?: LocalizedText;
    publisher?: string;
    sourceUrl?: string;
    licence?: string;
    attribution?: string;
    /** e.g. "9", "EN 16234-1:2019 (e-CF 4.0)" */
    versionLabel: string;
    /** e.g. "en", "it" */
    defaultLanguage: string;
    /** Every language the document holds text in. */
    languages: string[];
    /**
     * What the nodes at each depth of the tree are called, from the top
     * (Moodle's "taxonomy"): e.g. Domain, Competency, Behaviour. Absent when
     * the source does not name them.
     */
    depthNames?: LocalizedText[];
  };
  scale: {
    /** e.g. "sfia-responsibility-levels" */
    key: string;
    name: LocalizedText;
    /** Ordered by number ascending. */
    levels: ScaleLevel[];
  };
  /** Any depth via parentKey. */
  categories: Category[];
  competencies: Competency[];
  certifications?: Certification[];
  /** Set when the document came from a CASE package: what a CASE export writes back. */
  caseSource?: CaseSource;
}

/**
 * What a 1EdTech CASE package said about its own records that the rest of the
 * document has no place for, kept so that a CASE export gives the source's
 * identifiers and dates back instead of making new ones, and adds nothing the
 * source did not have.
 */
export interface CaseSource {
  /** CFDocument.lastChangeDateTime (RFC 3339; a date-time without a zone is read as UTC). */
  lastChangeDateTime?: string;
  /** CFDocument.creator. */
  creator?: string;
  /** True when the CFDocument had no publisher: the framework's publisher is then its creator, and an export writes none. */
  publisherFromCreator?: boolean;
  /** Whether the package had CFRubrics: an export writes rubrics only then. */
  hasRubrics: boolean;
  /** lastChangeDateTime of each category and competency item, by key. */
  items?: Record<string, string>;
  /**
   * The associations that place a category or competency under its parent (isChildOf) and that relate two
   * competencies, by `<origin key>|<destination key>` (the destination key is empty for the document itself).
   */
  associations?: Record<string, CaseSourceAssociation>;
}

export interface CaseSourceAssociation {
  /** The association's identifier (a lower-case UUID). */
  identifier: string;
  /** Its associationType, e.g. isChildOf, isRelatedTo, isPeerOf. */
  type: string;
  lastChangeDateTime?: string;
}

export interface ScaleLevel {
  /** 1..n */
  number: number;
  /** "1", "e-1", ... */
  code: string;
  /** Short label: "Follow", "Set strategy, inspire, mobilise", "e-1". */
  label: LocalizedText;
  /** Generic description / SFIA "essence" / profile level definition. */
  description?: LocalizedText;
  guidingPhrase?: LocalizedText;
  /** True on the levels a source marks as proficient (Moodle's scale configuration); absent when it does not say. */
  proficient?: boolean;
}

export interface Category {
  key: string;
  code?: string;
  name: LocalizedText;
  description?: LocalizedText;
  parentKey?: string;
}

export interface Competency {
  key: string;
  /** Short code shown to users, e.g. "ITMG"; empty when the source has none (a CASE item without humanCodingScheme). */
  code: string;
  categoryKey?: string;
  title: LocalizedText;
  description?: LocalizedText;
  guidance?: LocalizedText;
  /** SFIA marker on the description. */
  changeStatus?: ChangeStatus;
  /** SFIA marker on the guidance notes. */
  guidanceChangeStatus?: ChangeStatus;
  relatedKeys?: string[];
  /** ONLY the levels at which the competency is defined, ascending. */
  levels: CompetencyLevel[];
  /** Levels explicitly declared "not practised" (e.g. SFIA SLMO level 1). */
  notPractisedLevels?: { level: number; note: LocalizedText }[];
}

export interface CompetencyLevel {
  /** A ScaleLevel.number. */
  level: number;
  description?: LocalizedText;
  changeStatus?: ChangeStatus;
  /** Ordered behaviour indicators. */
  indicators: LocalizedText[];
  /** Ordered. */
  questions: InterviewQuestion[];
}

export interface InterviewQuestion {
  text: LocalizedText;
  probes: LocalizedText[];
}

export interface Certification {
  name: string;
  issuer?: string;
  competencyKeys?: string[];
  categoryKeys?: string[];
}
