/**
 * Export of a FrameworkDocument as a 1EdTech CASE 1.1 CFPackage, valid
 * against the official JSON Schema.
 *
 * Where things go (and where parseCase reads them back):
 * - framework → CFDocument (identifier = the key when it is a UUID, else a
 *   name-based v5 UUID of it; licence → a CFLicense; attribution → notes).
 * - categories and competencies → CFItems of type "Category"/"Competency",
 *   placed with `isChildOf` (origin = child, destination = parent item or
 *   the document) whose `sequenceNumber` keeps the document order. Text:
 *   fullStatement = description (or the title when there is none),
 *   abbreviatedStatement = title when there is a description,
 *   humanCodingScheme = code (none for an empty code), notes = guidance.
 * - levels → one CFRubric per competency: one criterion (CFItemURI = the
 *   competency), one criterion level per defined level (score = level
 *   number, quality = scale label, description = level description).
 *   The scale itself → one more CFRubric marked as the scale.
 * - indicators and questions → CFItems a CASE reader keeps: each defined
 *   level is a CFItem of type "Skill level" linked from the competency with
 *   `hasSkillLevel` (listEnumeration = level number); its behaviour
 *   indicators ("Behaviour indicator") and interview questions ("Interview
 *   question") are `isChildOf` the level item, probing questions
 *   ("Probing question") `isChildOf` their question, ordered by
 *   sequenceNumber.
 * - relatedKeys → `isRelatedTo` associations.
 * - what CASE has no field for → `extensions.proficio` (see case-model.ts).
 * - a document from a CASE package (`caseSource`) gets the source's records
 *   back: the document's and items' lastChangeDateTime, the identifiers,
 *   types and dates of the associations that place and relate items, the
 *   creator; and nothing the source did not have: no publisher when it had
 *   none, no CFRubrics when it had none, and no scale rubric when the levels
 *   give the scale a reader derives anyway (see scaleGivenByLevels). Identifiers that
 *   are not UUIDs, and dates the source did not give, are made as for any
 *   other document (name-based UUIDs, the export time).
 * - the version label "unversioned" (what imports say when the source has
 *   no version) writes no `version`.
 * - exportCaseWithNotes also says what the file has that the framework did
 *   not give (identifiers and dates made anew, a creator or scale rubric
 *   CASE needs) and what other CASE readers will not see (translations).
 */
import type { Category, Competency, FrameworkDocument, FrameworkExportNote, LocalizedText } from '@proficio/shared/contracts';
import type {
  CaseAssociation,
  CaseItem,
  CaseItemType,
  CaseLinkUri,
  CasePackage,
  CaseRubric,
  CaseRubricCriterionLevel,
  I18nExtension,
  ProficioCriterionLevelExtension,
  ProficioItemExtension,
  ProficioItemTypeName,
} from './case-model';
import { PROFICIO_ITEM_TYPES } from './case-model';
import { compact } from '../shared/objects';
import { pointer } from '../shared/issues';
import { counted, note } from '../export-notes';
import { isUuid, uuidV5 } from './uuid';

export interface CaseExportOptions {
  /** lastChangeDateTime of every record the source gave no date for. Default: now. Pass a fixed date for reproducible files. */
  now?: Date;
  /** What `now` is, as the notes say it. Default: "the export time". */
  nowLabel?: string;
  /**
   * Base of the records' `uri`s, e.g. `https://proficio.example.org/ims/case/v1p1`
   * (→ `<base>/CFItems/<id>`). Default: `urn:uuid:<id>`.
   */
  baseUri?: string;
}

/** Identifier of a framework node: the key itself when it is a UUID, else a v5 UUID of it. */
export function caseIdentifier(frameworkKey: string, kind: string, key: string): string {
  return isUuid(key) ? key.toLowerCase() : uuidV5(`${frameworkKey}|${kind}|${key}`);
}

/** What importers write when the source has no version: not a version to write back. */
const NO_VERSION = 'unversioned';

export function exportCase(doc: FrameworkDocument, options: CaseExportOptions = {}): CasePackage {
  return exportCaseWithNotes(doc, options).package;
}

/** The CASE package of `doc`, and what it regenerated, added or left out (see FrameworkExportNote). */
export function exportCaseWithNotes(
  doc: FrameworkDocument,
  options: CaseExportOptions = {},
): { package: CasePackage; notes: FrameworkExportNote[] } {
  const now = (options.now ?? new Date()).toISOString();
  const source = doc.caseSource;
  /** What the notes count: records whose identifier or date the export made. */
  const made = { itemIds: [] as string[], itemDates: 0, associations: 0, associationIds: 0, associationDates: 0, levelItems: 0 };
  /** The source's date of a category or competency, else the export time. */
  const changed = (key: string) => {
    const date = source?.items?.[key];
    if (date === undefined) made.itemDates++;
    return date ?? now;
  };
  const language = doc.framework.defaultLanguage;
  const fwKey = doc.framework.key;
  const uri = (collection: string, id: string) =>
    options.baseUri ? `${options.baseUri.replace(/\/$/, '')}/${collection}/${id}` : `urn:uuid:${id}`;
  const text = (lt: LocalizedText | undefined): string | undefined => (lt ? (lt[language] ?? Object.values(lt)[0]) : undefined);
  /** Fields whose LocalizedText holds more than the default-language text CASE can carry. */
  const i18n = (fields: Record<string, LocalizedText | undefined>): I18nExtension | undefined => {
    const out: I18nExtension = {};
    for (const [name, lt] of Object.entries(fields)) {
      if (lt && !(Object.keys(lt).length === 1 && lt[language] !== undefined)) out[name] = lt;
    }
    return Object.keys(out).length ? out : undefined;
  };
  const nonEmpty = <T extends object>(value: T): T | undefined => {
    const c = compact(value);
    return Object.keys(c).length ? c : undefined;
  };

  const documentId = caseIdentifier(fwKey, 'framework', fwKey);
  const documentLink: CaseLinkUri = {
    title: text(doc.framework.name) ?? fwKey,
    identifier: documentId,
    uri: uri('CFDocuments', documentId),
  };

  // Item types actually used.
  const itemTypes = new Map<ProficioItemTypeName, CaseItemType>();
  const typeLink = (title: ProficioItemTypeName): CaseLinkUri => {
    const identifier = uuidV5(`proficio|item-type|${title}`);
    if (!itemTypes.has(title)) {
      itemTypes.set(title, {
        identifier,
        uri: uri('CFItemTypes', identifier),
        title,
        description: `Proficio: ${title.toLowerCase()}`,
        hierarchyCode: String(Object.values(PROFICIO_ITEM_TYPES).indexOf(title) + 1),
        typeCode: title,
        lastChangeDateTime: now,
      });
    }
    return { title, identifier, uri: uri('CFItemTypes', identifier) };
  };

  const items: CaseItem[] = [];
  const associations: CaseAssociation[] = [];
  const links = new Map<string, CaseLinkUri>();
  const item = (
    identifier: string,
    type: ProficioItemTypeName,
    fields: Omit<CaseItem, 'identifier' | 'uri' | 'lastChangeDateTime' | 'CFItemType' | 'CFItemTypeURI' | 'language'>,
    lastChangeDateTime = now,
  ): CaseLinkUri => {
    items.push(
      compact({
        identifier,
        uri: uri('CFItems', identifier),
        ...fields,
        language,
        CFItemType: type,
        CFItemTypeURI: typeLink(type),
        lastChangeDateTime,
      } as CaseItem),
    );
    const link = { title: fields.abbreviatedStatement ?? fields.fullStatement, identifier, uri: uri('CFItems', identifier) };
    links.set(identifier, link);
    return link;
  };
  /** `sourceKey`: the association in the source (`<origin key>|<destination key>`), whose identifier, type and date it keeps. */
  const associate = (origin: CaseLinkUri, type: string, destination: CaseLinkUri, sequenceNumber?: number, sourceKey?: string) => {
    const kept = sourceKey === undefined ? undefined : source?.associations?.[sourceKey];
    if (sourceKey !== undefined) {
      made.associations++;
      if (!kept || !isUuid(kept.identifier)) made.associationIds++;
      else if (!kept.lastChangeDateTime) made.associationDates++;
    }
    const associationType = kept?.type ?? type;
    const identifier =
      kept && isUuid(kept.identifier)
        ? kept.identifier.toLowerCase()
        : uuidV5(`${fwKey}|association|${type}|${origin.identifier}|${destination.identifier}`);
    associations.push(
      compact({
        identifier,
        uri: uri('CFAssociations', identifier),
        associationType,
        sequenceNumber,
        originNodeURI: origin,
        destinationNodeURI: destination,
        lastChangeDateTime: kept?.lastChangeDateTime ?? now,
      }),
    );
  };
  /** fullStatement = description ?? title; abbreviatedStatement = title when there is a description. */
  const statements = (title: LocalizedText, description: LocalizedText | undefined) =>
    description
      ? { fullStatement: text(description) as string, abbreviatedStatement: text(title) }
      : { fullStatement: text(title) as string };

  // Categories and competencies, with sequence numbers per parent in document order.
  const categoryIds = new Map(doc.categories.map((c) => [c.key, caseIdentifier(fwKey, 'category', c.key)]));
  const competencyIds = new Map(doc.competencies.map((c) => [c.key, caseIdentifier(fwKey, 'competency', c.key)]));
  const nextSequence = new Map<string, number>();
  const sequence = (parent: string) => {
    const n = (nextSequence.get(parent) ?? 0) + 1;
    nextSequence.set(parent, n);
    return n;
  };
  const hasChildren = new Set<string>(
    [...doc.categories.map((c) => c.parentKey), ...doc.competencies.map((c) => c.categoryKey)].filter((k): k is string => k !== undefined),
  );
  const placed: [CaseLinkUri, string, string | undefined][] = [];
  doc.categories.forEach((category: Category, index) => {
    const identifier = categoryIds.get(category.key) as string;
    if (!isUuid(category.key)) made.itemIds.push(pointer('categories', index, 'key'));
    const extension = nonEmpty<ProficioItemExtension>({
      key: identifier === category.key ? undefined : category.key,
      kind: hasChildren.has(category.key) ? undefined : 'category',
      i18n: i18n({ name: category.name, description: category.description }),
    });
    placed.push([
      item(
        identifier,
        PROFICIO_ITEM_TYPES.category,
        {
          ...statements(category.name, category.description),
          humanCodingScheme: category.code,
          ...(extension ? { extensions: { proficio: extension } } : {}),
        },
        changed(category.key),
      ),
      category.key,
      category.parentKey,
    ]);
  });
  doc.competencies.forEach((competency: Competency, index) => {
    const identifier = competencyIds.get(competency.key) as string;
    if (!isUuid(competency.key)) made.itemIds.push(pointer('competencies', index, 'key'));
    const extension = nonEmpty<ProficioItemExtension>({
      key: identifier === competency.key ? undefined : competency.key,
      changeStatus: competency.changeStatus,
      guidanceChangeStatus: competency.guidanceChangeStatus,
      i18n: i18n({ title: competency.title, description: competency.description, guidance: competency.guidance }),
    });
    const fields = {
      ...statements(competency.title, competency.description),
      humanCodingScheme: competency.code || undefined,
      notes: text(competency.guidance),
      ...(extension ? { extensions: { proficio: extension } } : {}),
    };
    placed.push([
      item(identifier, PROFICIO_ITEM_TYPES.competency, fields, changed(competency.key)),
      competency.key,
      competency.categoryKey,
    ]);
  });
  for (const [link, key, parentKey] of placed) {
    const parent = parentKey === undefined ? documentLink : links.get(categoryIds.get(parentKey) ?? '');
    if (parent) associate(link, 'isChildOf', parent, sequence(parent.identifier), `${key}|${parentKey ?? ''}`);
  }

  // Levels: rubrics (descriptions), skill-level items (indicators, questions), related competencies.
  const scaleLabel = new Map(doc.scale.levels.map((level) => [level.number, level.label]));
  const rubrics: CaseRubric[] = [];
  const rubricIds = (name: string) => {
    const rubricId = uuidV5(`${fwKey}|rubric|${name}`);
    const criterionId = uuidV5(`${fwKey}|rubric|${name}|criterion`);
    return { rubricId, criterionId, levelId: (n: number) => uuidV5(`${fwKey}|rubric|${name}|level|${n}`) };
  };
  // One level of a rubric's criterion: its score is the level's number, its place the order it is listed in.
  const criterionLevel = (
    ids: { criterionId: string; levelId: (n: number) => string },
    level: { number: number; label?: LocalizedText; description?: LocalizedText },
    position: number,
    extension: ProficioCriterionLevelExtension | undefined,
  ) =>
    compact<CaseRubricCriterionLevel>({
      identifier: ids.levelId(level.number),
      uri: uri('CFRubricCriterionLevels', ids.levelId(level.number)),
      description: text(level.description),
      quality: text(level.label),
      score: level.number,
      position,
      rubricCriterionId: ids.criterionId,
      lastChangeDateTime: now,
      extensions: extension ? [{ proficio: extension }] : undefined,
    });
  // The scale rubric tells Proficio's reader the scale; a CASE source's is left out when its levels give the same scale.
  const scaleRubric = !source || !scaleGivenByLevels(doc, documentId, documentLink.title);
  if (scaleRubric) {
    const ids = rubricIds('scale');
    const { rubricId, criterionId } = ids;
    const scaleName = text(doc.scale.name) as string;
    rubrics.push({
      identifier: rubricId,
      uri: uri('CFRubrics', rubricId),
      title: scaleName,
      description: `Level scale of ${text(doc.framework.name)}`,
      lastChangeDateTime: now,
      extensions: { proficio: compact({ role: 'scale' as const, key: doc.scale.key, i18n: i18n({ name: doc.scale.name }) }) },
      CFRubricCriteria: [
        {
          identifier: criterionId,
          uri: uri('CFRubricCriteria', criterionId),
          description: scaleName,
          position: 1,
          rubricId,
          lastChangeDateTime: now,
          CFRubricCriterionLevels: doc.scale.levels.map((level, i) => {
            const extension = nonEmpty<ProficioCriterionLevelExtension>({
              code: level.code === String(level.number) ? undefined : level.code,
              guidingPhrase: level.guidingPhrase,
              proficient: level.proficient,
              i18n: i18n({ label: level.label, description: level.description }),
            });
            return criterionLevel(ids, level, i + 1, extension);
          }),
        },
      ],
    });
  }

  doc.competencies.forEach((competency) => {
    const competencyId = competencyIds.get(competency.key) as string;
    const competencyLink = links.get(competencyId) as CaseLinkUri;
    if ((competency.levels.length || competency.notPractisedLevels?.length) && source?.hasRubrics !== false) {
      const ids = rubricIds(`competency|${competency.key}`);
      const { rubricId, criterionId } = ids;
      rubrics.push({
        identifier: rubricId,
        uri: uri('CFRubrics', rubricId),
        title: text(competency.title),
        description: `Levels of ${competency.code || text(competency.title)}`,
        lastChangeDateTime: now,
        CFRubricCriteria: [
          compact({
            identifier: criterionId,
            uri: uri('CFRubricCriteria', criterionId),
            description: text(competency.title),
            CFItemURI: competencyLink,
            position: 1,
            rubricId,
            lastChangeDateTime: now,
            extensions: competency.notPractisedLevels?.length
              ? { proficio: { notPractisedLevels: competency.notPractisedLevels } }
              : undefined,
            CFRubricCriterionLevels: competency.levels.map((level, i) => {
              const extension = nonEmpty<ProficioCriterionLevelExtension>({
                changeStatus: level.changeStatus,
                i18n: i18n({ description: level.description }),
              });
              const of = { number: level.level, label: scaleLabel.get(level.level), description: level.description };
              return criterionLevel(ids, of, i + 1, extension);
            }),
          }),
        ],
      });
    }

    competency.levels.forEach((level) => {
      made.levelItems += 1 + level.indicators.length + level.questions.reduce((n, question) => n + 1 + question.probes.length, 0);
      const base = `${fwKey}|competency|${competency.key}|level|${level.level}`;
      const label = text(scaleLabel.get(level.level)) ?? `Level ${level.level}`;
      const levelLink = item(uuidV5(base), PROFICIO_ITEM_TYPES.skillLevel, {
        fullStatement: text(level.description) ?? label,
        abbreviatedStatement: label,
        humanCodingScheme: competency.code ? `${competency.code} L${level.level}` : undefined,
        listEnumeration: String(level.level),
      });
      associate(competencyLink, 'hasSkillLevel', levelLink, level.level);
      let position = 0;
      level.indicators.forEach((indicator, i) => {
        const ext = i18n({ text: indicator });
        const link = item(uuidV5(`${base}|indicator|${i}`), PROFICIO_ITEM_TYPES.indicator, {
          fullStatement: text(indicator) as string,
          ...(ext ? { extensions: { proficio: { i18n: ext } } } : {}),
        });
        associate(link, 'isChildOf', levelLink, ++position);
      });
      level.questions.forEach((question, q) => {
        const ext = i18n({ text: question.text });
        const questionLink = item(uuidV5(`${base}|question|${q}`), PROFICIO_ITEM_TYPES.question, {
          fullStatement: text(question.text) as string,
          ...(ext ? { extensions: { proficio: { i18n: ext } } } : {}),
        });
        associate(questionLink, 'isChildOf', levelLink, ++position);
        question.probes.forEach((probe, p) => {
          const probeExt = i18n({ text: probe });
          const link = item(uuidV5(`${base}|question|${q}|probe|${p}`), PROFICIO_ITEM_TYPES.probe, {
            fullStatement: text(probe) as string,
            ...(probeExt ? { extensions: { proficio: { i18n: probeExt } } } : {}),
          });
          associate(link, 'isChildOf', questionLink, p + 1);
        });
      });
    });

    (competency.relatedKeys ?? []).forEach((key, i) => {
      const related = links.get(competencyIds.get(key) ?? '');
      if (related) associate(competencyLink, 'isRelatedTo', related, i + 1, `${competency.key}|${key}`);
    });
  });

  const licenceId = uuidV5(`${fwKey}|licence`);
  const fw = doc.framework;
  const pkg: CasePackage = {
    CFDocument: compact({
      identifier: documentId,
      uri: documentLink.uri,
      creator: source?.creator ?? fw.publisher ?? 'Proficio',
      title: documentLink.title,
      lastChangeDateTime: source?.lastChangeDateTime ?? now,
      caseVersion: '1.1' as const,
      officialSourceURL: fw.sourceUrl,
      publisher: source?.publisherFromCreator ? undefined : fw.publisher,
      description: text(fw.description),
      language,
      version: fw.versionLabel === NO_VERSION ? undefined : fw.versionLabel,
      licenseURI: fw.licence ? { title: fw.licence, identifier: licenceId, uri: uri('CFLicenses', licenceId) } : undefined,
      notes: fw.attribution,
      extensions: {
        proficio: compact({
          code: fw.code,
          key: documentId === fw.key ? undefined : fw.key,
          languages: fw.languages,
          depthNames: fw.depthNames,
          certifications: doc.certifications,
          i18n: i18n({ name: fw.name, description: fw.description }),
          caseSource: source ? { hasRubrics: source.hasRubrics } : undefined,
        }),
      },
    }),
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: compact({
      CFItemTypes: [...itemTypes.values()],
      CFLicenses: fw.licence
        ? [
            {
              identifier: licenceId,
              uri: uri('CFLicenses', licenceId),
              title: fw.licence,
              licenseText: fw.licence,
              lastChangeDateTime: now,
            },
          ]
        : undefined,
    }),
    // A source without CFRubrics gets none, unless its scale can only be told by one.
    ...(source?.hasRubrics === false && !scaleRubric ? {} : { CFRubrics: rubrics }),
  };

  // What the file has that the framework did not give, and what other CASE readers will not see.
  const nowLabel = options.nowLabel ?? 'the export time';
  const notes: FrameworkExportNote[] = [];
  if (documentId !== fwKey.toLowerCase())
    notes.push(
      note(
        'regenerated',
        `The document identifier "${fwKey}" is not a UUID: the file's was regenerated as a UUID made from it (the same on every export).`,
        1,
        ['/framework/key'],
      ),
    );
  if (made.itemIds.length)
    notes.push(
      note(
        'regenerated',
        source
          ? `${counted(made.itemIds.length, 'item identifier', 'item identifiers')} of the source (categories and competencies) ${made.itemIds.length === 1 ? 'was' : 'were'} not ${made.itemIds.length === 1 ? 'a UUID' : 'UUIDs'} and ${made.itemIds.length === 1 ? 'was' : 'were'} regenerated as UUIDs made from them (the same on every export).`
          : `${counted(made.itemIds.length, 'category or competency key is', 'category and competency keys are')} not ${made.itemIds.length === 1 ? 'a UUID' : 'UUIDs'}: their item identifiers are UUIDs made from them (the same on every export).`,
        made.itemIds.length,
        made.itemIds,
      ),
    );
  if (!source) {
    if (made.associations)
      notes.push(
        note(
          'regenerated',
          `The framework was not imported from a CASE package: the ${counted(made.associations, 'association', 'associations')} placing and relating items get identifiers made from the items they link, and every lastChangeDateTime is ${nowLabel} (${now}).`,
          made.associations,
        ),
      );
  } else {
    if (made.associationIds)
      notes.push(
        note(
          'regenerated',
          `${counted(made.associationIds, 'association', 'associations')} placing or relating items had no UUID identifier in the source: ${made.associationIds === 1 ? 'it was' : 'they were'} regenerated from the items ${made.associationIds === 1 ? 'it links' : 'they link'}, dated ${nowLabel} (${now}).`,
          made.associationIds,
        ),
      );
    if (!source.lastChangeDateTime)
      notes.push(note('regenerated', `The source gave the document no lastChangeDateTime: ${nowLabel} (${now}) was used.`, 1));
    const undated = made.itemDates + made.associationDates;
    if (undated)
      notes.push(
        note(
          'regenerated',
          `${counted(undated, 'item or association', 'items and associations')} had no lastChangeDateTime in the source: ${nowLabel} (${now}) was used.`,
          undated,
        ),
      );
  }
  if (made.levelItems)
    notes.push(
      note(
        'regenerated',
        `${counted(made.levelItems, 'item', 'items')} for levels, behaviour indicators and interview questions, and the levels' rubrics, have identifiers made from their place in the framework (the same on every export)${source ? ": the source's own records of them are not kept" : ''}.`,
        made.levelItems,
      ),
    );
  if (!source?.creator && !fw.publisher)
    notes.push(
      note('added', 'The framework names no publisher: the document\'s creator, which CASE requires, is written as "Proficio".', 1, [
        '/framework/publisher',
      ]),
    );
  if (source?.hasRubrics === false && scaleRubric)
    notes.push(
      note(
        'added',
        `The source had no rubrics, but its scale (${text(doc.scale.name)}, ${counted(doc.scale.levels.length, 'level', 'levels')}) cannot be told from the competencies' levels: one rubric describing the scale was added.`,
        1,
        ['/scale'],
      ),
    );
  const otherLanguages = fw.languages.filter((code) => code !== language);
  if (otherLanguages.length)
    notes.push(
      note(
        'left-out',
        `CASE holds one language: the texts in ${otherLanguages.join(', ')} are written in Proficio's extension (extensions.proficio.i18n), which Proficio reads back; other CASE tools show only the "${language}" texts.`,
        otherLanguages.length,
        ['/framework/languages'],
      ),
    );
  return { package: pkg, notes };
}

/**
 * Whether a CASE reader gets `doc`'s scale from its competencies' levels alone, as parseCase derives a scale for a
 * package without Proficio's scale rubric: key `<document identifier>-levels`, name `<title>: levels`, levels
 * numbered 1…n in order, coded by number, labelled in one language (distinct labels), without descriptions,
 * guiding phrases or proficient flags, each used by some competency (or the one-level placeholder when none has levels).
 */
function scaleGivenByLevels(doc: FrameworkDocument, documentId: string, title: string): boolean {
  const language = doc.framework.defaultLanguage;
  const { scale } = doc;
  const used = new Set(doc.competencies.flatMap((competency) => competency.levels.map((level) => level.level)));
  const labels = scale.levels.map((level) => level.label[language]);
  const plain = scale.levels.every(
    (level, i) =>
      level.number === i + 1 &&
      level.code === String(level.number) &&
      Object.keys(level.label).length === 1 &&
      level.label[language] !== undefined &&
      level.description === undefined &&
      level.guidingPhrase === undefined &&
      level.proficient === undefined,
  );
  const placeholder = used.size === 0 && scale.levels.length === 1 && labels[0] === 'Level 1';
  return (
    scale.key === `${documentId}-levels` &&
    Object.keys(scale.name).length === 1 &&
    scale.name[language] === `${title}: levels` &&
    plain &&
    new Set(labels).size === labels.length &&
    (placeholder || scale.levels.every((level) => used.has(level.number)))
  );
}
