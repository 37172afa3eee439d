/**
 * The parts of a 1EdTech CASE CFPackage (1.0 / 1.1) that Proficio reads and
 * writes, and the `extensions.proficio` objects Proficio adds. Extensions
 * carry only what CASE has no field for (source keys that are not UUIDs,
 * translations, SFIA change markers, "not practised" levels, certifications,
 * scale codes, proficient levels, depth names); all content (texts, hierarchy, levels, indicators, questions)
 * is in standard CASE objects.
 */
import type { Certification, ChangeStatus, LocalizedText } from '@proficio/shared/contracts';

export interface CaseLinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export interface CaseDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  caseVersion?: '1.1';
  officialSourceURL?: string;
  publisher?: string;
  description?: string;
  language?: string;
  version?: string;
  adoptionStatus?: string;
  licenseURI?: CaseLinkUri;
  notes?: string;
  extensions?: { proficio?: ProficioDocumentExtension };
}

export interface CaseItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement?: string;
  alternativeLabel?: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  notes?: string;
  language?: string;
  CFItemType?: string;
  CFItemTypeURI?: CaseLinkUri;
  lastChangeDateTime: string;
  extensions?: { proficio?: ProficioItemExtension };
}

export type CaseAssociationType =
  | 'isChildOf'
  | 'isPeerOf'
  | 'isPartOf'
  | 'exactMatchOf'
  | 'precedes'
  | 'isRelatedTo'
  | 'replacedBy'
  | 'exemplar'
  | 'hasSkillLevel'
  | 'isTranslationOf';

export interface CaseAssociation {
  identifier: string;
  uri: string;
  associationType: CaseAssociationType | string;
  sequenceNumber?: number;
  originNodeURI: CaseLinkUri;
  destinationNodeURI: CaseLinkUri;
  lastChangeDateTime: string;
}

export interface CaseItemType {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode?: string;
  lastChangeDateTime: string;
}

export interface CaseLicense {
  identifier: string;
  uri: string;
  title: string;
  licenseText: string;
  lastChangeDateTime: string;
}

export interface CaseRubricCriterionLevel {
  identifier: string;
  uri: string;
  description?: string;
  quality?: string;
  score?: number;
  feedback?: string;
  position?: number;
  rubricCriterionId?: string;
  lastChangeDateTime: string;
  extensions?: { proficio?: ProficioCriterionLevelExtension }[];
}

export interface CaseRubricCriterion {
  identifier: string;
  uri: string;
  category?: string;
  description?: string;
  CFItemURI?: CaseLinkUri;
  weight?: number;
  position?: number;
  rubricId?: string;
  lastChangeDateTime: string;
  CFRubricCriterionLevels?: CaseRubricCriterionLevel[];
  extensions?: { proficio?: ProficioCriterionExtension };
}

export interface CaseRubric {
  identifier: string;
  uri: string;
  title?: string;
  description?: string;
  lastChangeDateTime: string;
  CFRubricCriteria?: CaseRubricCriterion[];
  extensions?: { proficio?: ProficioRubricExtension };
}

export interface CasePackage {
  CFDocument: CaseDocument;
  CFItems?: CaseItem[];
  CFAssociations?: CaseAssociation[];
  CFDefinitions?: { CFItemTypes?: CaseItemType[]; CFLicenses?: CaseLicense[] };
  CFRubrics?: CaseRubric[];
}

/** Texts in more languages than the CASE field's one, by Proficio field name. */
export type I18nExtension = Record<string, LocalizedText>;

export interface ProficioDocumentExtension {
  /** framework.code; its presence marks a package written by Proficio. */
  code: string;
  /** framework.key when it is not the CFDocument identifier. */
  key?: string;
  languages: string[];
  /** framework.depthNames. */
  depthNames?: LocalizedText[];
  certifications?: Certification[];
  i18n?: I18nExtension;
  /**
   * Set when the framework came from a CASE package whose records (dates, association identifiers, creator) this
   * package gives back: an import reads them from the standard fields again, as from any CASE package. `hasRubrics`:
   * whether that package had CFRubrics (this one may hold Proficio's scale rubric all the same).
   */
  caseSource?: { hasRubrics: boolean };
}

export interface ProficioItemExtension {
  /** Category/competency key when it is not the CFItem identifier. */
  key?: string;
  /** A category without children (otherwise read back as a competency). */
  kind?: 'category';
  changeStatus?: ChangeStatus;
  guidanceChangeStatus?: ChangeStatus;
  i18n?: I18nExtension;
}

export interface ProficioCriterionExtension {
  notPractisedLevels?: { level: number; note: LocalizedText }[];
}

export interface ProficioCriterionLevelExtension {
  changeStatus?: ChangeStatus;
  /** Scale levels: the level code when it is not the number. */
  code?: string;
  guidingPhrase?: LocalizedText;
  /** Scale levels: ScaleLevel.proficient. */
  proficient?: boolean;
  i18n?: I18nExtension;
}

export interface ProficioRubricExtension {
  /** The rubric that holds the framework's level scale. */
  role: 'scale';
  key: string;
  i18n?: I18nExtension;
}

/** CFItemTypes Proficio writes; the import recognises them by title. */
export const PROFICIO_ITEM_TYPES = {
  category: 'Category',
  competency: 'Competency',
  skillLevel: 'Skill level',
  indicator: 'Behaviour indicator',
  question: 'Interview question',
  probe: 'Probing question',
} as const;

export type ProficioItemTypeName = (typeof PROFICIO_ITEM_TYPES)[keyof typeof PROFICIO_ITEM_TYPES];
