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
