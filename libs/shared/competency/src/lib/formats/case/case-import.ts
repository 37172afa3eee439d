/**
 * Import of 1EdTech CASE 1.0 / 1.1 CFPackage JSON.
 *
 * - CFDocument → framework (key = identifier). Lenient like OpenSALT: the
 *   package is not validated against the official schema; datetimes without
 *   a timezone, `educationalLevel` for `educationLevel`, `CFDocumentURI` as a
 *   plain string and node links given as plain URIs are accepted; a missing
 *   fullStatement falls back to abbreviatedStatement / alternativeLabel.
 * - Hierarchy from `isChildOf` (origin = child, destination = parent item or
 *   the document), siblings ordered by sequenceNumber; siblings without one
 *   come after, in the natural order of their codes ("L1.2" before "L1.10"),
 *   then of their titles. Items with children → categories, leaves →
 *   competencies (the same rule as the Moodle CSV import). An item with
 *   several parents is kept under the first one (warning).
 * - Texts: title = abbreviatedStatement when there is one (fullStatement =
 *   description), else the fullStatement; a multi-line fullStatement (a
 *   Markdown table, a paragraph and a list) gives its first line as the
 *   title and stays whole as the description (warning). Code =
 *   humanCodingScheme, empty when there is none (never the UUID). The
 *   framework code is a short code derived from the title ("Learning
 *   Outcomes for Year 1" → "LOY1"), CASE documents having none.
 * - Levels from CFRubrics (criterion → CFItemURI competency, criterion levels
 *   → levels) and from `hasSkillLevel` associations (destination = a level
 *   item; its `isChildOf` children are behaviour indicators, or interview
 *   questions when their CFItemType says "question", with their own children
 *   as probing questions). The scale is the distinct levels ordered by score /
 *   position, or, in packages written by Proficio, the scale rubric.
 * - Other associations between two competencies → relatedKeys (the type is
 *   not kept); the rest are ignored with a warning.
 * - Errors: not JSON, no CFDocument, duplicate identifiers, cycles in
 *   isChildOf, levels outside the scale of a Proficio package.
 */
import type {
  CaseSource,
  CaseSourceAssociation,
  Category,
  ChangeStatus,
  Competency,
  CompetencyLevel,
  FrameworkDocument,
  InterviewQuestion,
  LocalizedText,
  ScaleLevel,
} from '@proficio/shared/contracts';
import type { ImportResult } from '../import-result';
import { validateFrameworkDocument } from '../proficio-json/proficio-json';
import { IssueList, parseUtf8Json, pointer } from '../shared/issues';
import { compact, isRecord, nonBlank } from '../shared/objects';
import type { I18nExtension, ProficioCriterionLevelExtension, ProficioDocumentExtension, ProficioItemExtension } from './case-model';
import { isUuid, uuidV5 } from './uuid';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ROOT = '\u0000document';

interface ItemRecord {
  index: number;
  id: string;
  raw: Record<string, unknown>;
  type: string;
  ext?: ProficioItemExtension;
}

interface AssociationRecord {
  index: number;
  type: string;
  origin?: string;
  destination?: string;
  sequence?: number;
  raw: Record<string, unknown>;
}

interface LevelEntry {
  number?: number;
  identity: string;
  order: number;
  description?: LocalizedText;
  changeStatus?: ChangeStatus;
  indicators: LocalizedText[];
  questions: InterviewQuestion[];
  location: string;
  fromRubric: boolean;
}

function proficioExtension<T>(value: unknown): T | undefined {
  if (Array.isArray(value)) return value.map((v) => proficioExtension<T>(v)).find((v) => v !== undefined);
  return isRecord(value) && isRecord(value['proficio']) ? (value['proficio'] as T) : undefined;
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/;

/** A lastChangeDateTime as CASE 1.1 writes it (RFC 3339 with a zone); one without a zone is read as UTC; else none. */
export function caseDateTime(value: unknown): string | undefined {
  const text = nonBlank(value)?.trim();
  if (!text) return undefined;
  if (DATE_TIME.test(text)) return text;
  return DATE_TIME_WITHOUT_ZONE.test(text) ? `${text}Z` : undefined;
}

/**
 * What a CASE export needs to give an association back: its identifier (when it is a UUID, and not one Proficio's
 * export made for lack of one: `madeFor`), type and date.
 */
function sourceAssociation(a: AssociationRecord, madeFor?: string): CaseSourceAssociation | undefined {
  const identifier = nonBlank(a.raw['identifier'])?.trim();
  if (!identifier || !isUuid(identifier)) return undefined;
  if (madeFor !== undefined && identifier.toLowerCase() === uuidV5(`${madeFor}|association|${a.type}|${a.origin}|${a.destination}`))
    return undefined;
  return compact({ identifier: identifier.toLowerCase(), type: a.type, lastChangeDateTime: caseDateTime(a.raw['lastChangeDateTime']) });
}

function sequenceOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Stable reorder of each group of siblings, keeping the positions the group
 * occupies: by sequence number; siblings without one after those with one,
 * in the order `unsequenced` gives (file order where it says 0).
 */
function orderSiblings<T>(
  list: T[],
  parentOf: (t: T) => string,
  sequence: (t: T) => number | undefined,
  unsequenced: (a: T, b: T) => number,
): T[] {
  const groups = new Map<string, number[]>();
  list.forEach((t, i) => {
    const key = parentOf(t);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const out = [...list];
  const compare = (a: T, b: T) => {
    const sa = sequence(a);
    const sb = sequence(b);
    if (sa !== undefined && sb !== undefined) return sa - sb;
    if (sa !== undefined) return -1;
    if (sb !== undefined) return 1;
    return unsequenced(a, b);
  };
  for (const positions of groups.values()) {
    const sorted = positions.map((i) => list[i]).sort(compare);
    positions.forEach((position, k) => (out[position] = sorted[k]));
  }
  return out;
}

/** The first line of a Markdown text as a plain title: heading marks, list marks and emphasis dropped, a table row's cells joined. */
export function firstLineTitle(markdown: string): string | undefined {
  const line = markdown
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(l));
  if (!line) return undefined;
  const cells = line.includes('|')
    ? line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean)
    : [line];
  const title = cells
    .join(' – ')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^([-*+>]|\d+[.)])\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .trim();
  return title || undefined;
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'to', 'with', 'by', 'at', 'or', '&', '-', '–']);

/**
 * A short code for a framework whose source has none (CASE documents have no
 * coding scheme): a title of one short word as it is, else the initials of
 * its words (numbers whole), e.g. "Digital Collaboration Skills 2" → "DCS2";
 * the start of the key when the title gives nothing.
 */
export function shortCode(title: string, key: string): string {
  const words = title.split(/[\s/_.,:;()]+/).filter((w) => w !== '');
  if (words.length === 1 && words[0].length <= 12) return words[0];
  const initials = words
    .filter((w) => !MINOR_WORDS.has(w.toLowerCase()))
    .map((w) => (/^\d+$/.test(w) ? w : (/[\p{L}\p{N}]/u.exec(w)?.[0] ?? '').toUpperCase()))
    .join('')
    .slice(0, 12);
  return initials.length >= 2 ? initials : key.slice(0, 12);
}

/** Natural order of codes ("L1.2" before "L1.10"), then titles. */
const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function parseCase(input: Uint8Array | string): ImportResult {
  const issues = new IssueList();
  const value = parseUtf8Json(input, issues, 'CASE package');
  if (issues.hasErrors) return issues.result();
  if (!isRecord(value) || !isRecord(value['CFDocument'])) {
    const hint =
      isRecord(value) && value['format'] === 'proficio-framework'
        ? ' This is a Proficio framework file: import it as "proficio-json".'
        : '';
    issues.error(`Not a CASE package: no CFDocument object.${hint}`, '/CFDocument');
    return issues.result();
  }
  const pkg = value;
  const cfDocument = value['CFDocument'] as Record<string, unknown>;
  const documentId = nonBlank(cfDocument['identifier']);
  if (!documentId) issues.error('The CFDocument has no identifier.', '/CFDocument/identifier');
  const docExt = proficioExtension<ProficioDocumentExtension>(cfDocument['extensions']);
  const fromProficio = !!docExt && typeof docExt.code === 'string';
  /** Keep the source's own records (a foreign package, or Proficio's export of one). */
  const keepSource = !fromProficio || isRecord(docExt?.caseSource);
  /** In Proficio's export, the key its made-up association identifiers derive from (see caseExport). */
  const madeFor = fromProficio ? (docExt?.key ?? documentId) : undefined;

  const arrayOf = (name: string): unknown[] => {
    const list = pkg[name];
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) {
      issues.error(`${name} must be an array.`, `/${name}`);
      return [];
    }
    return list;
  };

  // Items.
  const items: ItemRecord[] = [];
  const itemById = new Map<string, ItemRecord>();
  const idByUri = new Map<string, string>();
  arrayOf('CFItems').forEach((raw, index) => {
    if (!isRecord(raw)) {
      issues.error('A CFItem must be an object.', pointer('CFItems', index));
      return;
    }
    const id = nonBlank(raw['identifier']);
    if (!id) {
      issues.error('A CFItem without identifier.', pointer('CFItems', index, 'identifier'));
      return;
    }
    const first = itemById.get(id.toLowerCase());
    if (first || id.toLowerCase() === documentId?.toLowerCase()) {
      issues.error(
        `Duplicate identifier "${id}" (also ${first ? pointer('CFItems', first.index, 'identifier') : '/CFDocument/identifier'}).`,
        pointer('CFItems', index, 'identifier'),
      );
      return;
    }
    const typeUri = raw['CFItemTypeURI'];
    const type = (nonBlank(raw['CFItemType']) ?? (isRecord(typeUri) ? nonBlank(typeUri['title']) : undefined) ?? '').toLowerCase();
    const record: ItemRecord = { index, id, raw, type, ext: proficioExtension<ProficioItemExtension>(raw['extensions']) };
    items.push(record);
    itemById.set(id.toLowerCase(), record);
    const uri = nonBlank(raw['uri']);
    if (uri) idByUri.set(uri, id.toLowerCase());
  });
  if (documentId && nonBlank(cfDocument['uri'])) idByUri.set(cfDocument['uri'] as string, documentId.toLowerCase());

  /** Identifier (lower case) of a node link: `{identifier}` or, leniently, a plain URI. */
  const nodeId = (link: unknown): string | undefined => {
    if (isRecord(link)) return nonBlank(link['identifier'])?.toLowerCase() ?? (nonBlank(link['uri']) ? nodeId(link['uri']) : undefined);
    const text = nonBlank(link);
    if (!text) return undefined;
    return (
      idByUri.get(text) ??
      /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i.exec(text)?.[1]?.toLowerCase() ??
      text.toLowerCase()
    );
  };
  const docKey = documentId?.toLowerCase() ?? ROOT;

  // Associations.
  const associations: AssociationRecord[] = [];
  const associationIds = new Map<string, number>();
  arrayOf('CFAssociations').forEach((raw, index) => {
    if (!isRecord(raw)) {
      issues.error('A CFAssociation must be an object.', pointer('CFAssociations', index));
      return;
    }
    const id = nonBlank(raw['identifier']);
    if (id) {
      const first = associationIds.get(id.toLowerCase());
      if (first !== undefined) {
        issues.error(
          `Duplicate identifier "${id}" (also ${pointer('CFAssociations', first, 'identifier')}).`,
          pointer('CFAssociations', index, 'identifier'),
        );
        return;
      }
      associationIds.set(id.toLowerCase(), index);
    }
    associations.push({
      index,
      type: nonBlank(raw['associationType']) ?? '',
      origin: nodeId(raw['originNodeURI']),
      destination: nodeId(raw['destinationNodeURI']),
      sequence: sequenceOf(raw['sequenceNumber']),
      raw,
    });
  });
  if (issues.hasErrors) return issues.result();

  const language = (() => {
    const declared = nonBlank(cfDocument['language']) ?? items.map((i) => nonBlank(i.raw['language'])).find(Boolean);
    if (!declared) return 'en';
    const [primary, ...rest] = declared.trim().split(/[-_]/);
    const normalized = [primary.toLowerCase(), ...rest].join('-');
    if (LANGUAGE.test(normalized)) return normalized;
    issues.warning(`Language "${declared}" is not a language code; "en" is used.`, '/CFDocument/language');
    return 'en';
  })();
  const lt = (ext: { i18n?: I18nExtension } | undefined, field: string, text: string | undefined): LocalizedText | undefined =>
    ext?.i18n?.[field] ?? (text !== undefined ? { [language]: text } : undefined);
  const label = (id: string) => {
    if (id === docKey) return 'the document';
    const item = itemById.get(id);
    return item ? `"${nonBlank(item.raw['humanCodingScheme']) ?? nonBlank(item.raw['abbreviatedStatement']) ?? item.id}"` : `"${id}"`;
  };

  // Parents, skill levels and the content below level items.
  const childOf = new Map<string, AssociationRecord[]>();
  const childrenOf = new Map<string, AssociationRecord[]>();
  const skillLevels: AssociationRecord[] = [];
  const others: AssociationRecord[] = [];
  for (const a of associations) {
    if (!a.origin || !a.destination) {
      issues.warning(
        `A ${a.type || 'CFAssociation'} without ${a.origin ? 'destination' : 'origin'}; ignored.`,
        pointer('CFAssociations', a.index),
      );
      continue;
    }
    if (a.type === 'isChildOf') {
      pushTo(childOf, a.origin, a);
      pushTo(childrenOf, a.destination, a);
    } else if (a.type === 'hasSkillLevel') skillLevels.push(a);
    else others.push(a);
  }
  const bySequence = (list: AssociationRecord[]) =>
    [...list].sort((a, b) => (a.sequence ?? Number.POSITIVE_INFINITY) - (b.sequence ?? Number.POSITIVE_INFINITY) || a.index - b.index);

  const levelItems = new Set<string>();
  for (const a of skillLevels) if (itemById.has(a.destination as string)) levelItems.add(a.destination as string);
  const content = new Set<string>(levelItems);
  const contentOf = (levelId: string): { indicators: LocalizedText[]; questions: InterviewQuestion[] } => {
    const indicators: LocalizedText[] = [];
    const questions: InterviewQuestion[] = [];
    for (const a of bySequence(childrenOf.get(levelId) ?? [])) {
      const child = itemById.get(a.origin as string);
      if (!child || levelItems.has(child.id.toLowerCase())) continue;
      content.add(child.id.toLowerCase());
      const text = lt(child.ext, 'text', itemText(child).title);
      if (!text) continue;
      if (child.type.includes('question')) {
        const probes: LocalizedText[] = [];
        for (const p of bySequence(childrenOf.get(child.id.toLowerCase()) ?? [])) {
          const probe = itemById.get(p.origin as string);
          if (!probe) continue;
          content.add(probe.id.toLowerCase());
          const probeText = lt(probe.ext, 'text', itemText(probe).title);
          if (probeText) probes.push(probeText);
        }
        questions.push({ text, probes });
      } else {
        indicators.push(text);
        for (const deeper of childrenOf.get(child.id.toLowerCase()) ?? []) {
          issues.warning(
            `Item ${label(deeper.origin as string)} below the indicator ${label(child.id.toLowerCase())} is not kept.`,
            pointer('CFAssociations', deeper.index),
          );
        }
      }
    }
    return { indicators, questions };
  };
  /** Title/description of an item (fullStatement, with fallbacks). */
  const fallbackWarned = new Set<number>();
  function itemText(item: ItemRecord): { title?: string; description?: string } {
    const full = nonBlank(item.raw['fullStatement']);
    const abbreviated = nonBlank(item.raw['abbreviatedStatement']);
    if (full) return abbreviated ? { title: abbreviated, description: full } : { title: full };
    const alternative = nonBlank(item.raw['alternativeLabel']);
    const fallback = abbreviated ?? alternative ?? nonBlank(item.raw['humanCodingScheme']);
    if (!fallbackWarned.has(item.index)) {
      fallbackWarned.add(item.index);
      issues.warning(
        fallback
          ? `No fullStatement; the ${abbreviated ? 'abbreviatedStatement' : alternative ? 'alternativeLabel' : 'humanCodingScheme'} "${fallback}" is used.`
          : 'No fullStatement, abbreviatedStatement or alternativeLabel; the item is not kept.',
        pointer('CFItems', item.index, 'fullStatement'),
      );
    }
    return { title: fallback };
  }
  /**
   * Title/description of a category or competency: as itemText, except that a
   * multi-line fullStatement without abbreviatedStatement (a Markdown table, a
   * paragraph and a list) gives its first line as the title and stays whole
   * as the description.
   */
  const splitWarned = new Set<number>();
  function nodeText(item: ItemRecord): { title?: string; description?: string } {
    const text = itemText(item);
    const full = nonBlank(item.raw['fullStatement']);
    if (!full || nonBlank(item.raw['abbreviatedStatement']) || !/\S\s*\n\s*\S/.test(full.trim())) return text;
    const title = firstLineTitle(full);
    if (!title) return text;
    if (!splitWarned.has(item.index)) {
      splitWarned.add(item.index);
      issues.warning(
        `The fullStatement has several lines and no abbreviatedStatement: its first line "${title}" is the title, the whole statement the description.`,
        pointer('CFItems', item.index, 'fullStatement'),
      );
    }
    return { title, description: full };
  }
  const levelContent = new Map<string, { indicators: LocalizedText[]; questions: InterviewQuestion[] }>();
  for (const id of levelItems) levelContent.set(id, contentOf(id));

  // The hierarchy: every other item.
  const hierarchy = items.filter((i) => !content.has(i.id.toLowerCase()) && itemText(i).title !== undefined);
  const inHierarchy = new Set(hierarchy.map((i) => i.id.toLowerCase()));
  const parentOf = new Map<string, { parent: string; association?: AssociationRecord }>();
  for (const item of hierarchy) {
    const id = item.id.toLowerCase();
    const candidates = (childOf.get(id) ?? []).filter((a) => {
      if (a.destination === docKey || inHierarchy.has(a.destination as string)) return true;
      const why = content.has(a.destination as string)
        ? 'it is a level, indicator or question item'
        : itemById.has(a.destination as string)
          ? 'it is not kept'
          : 'it is not in this package';
      issues.warning(`isChildOf ${label(id)} → ${label(a.destination as string)} is not kept: ${why}.`, pointer('CFAssociations', a.index));
      return false;
    });
    if (candidates.length === 0) {
      if ((childOf.get(id) ?? []).length === 0)
        issues.warning(`Item ${label(id)} has no isChildOf association; it is placed at the top level.`, pointer('CFItems', item.index));
      parentOf.set(id, { parent: ROOT });
      continue;
    }
    if (candidates.length > 1) {
      issues.warning(
        `Item ${label(id)} has ${candidates.length} parents; it is kept under the first, ${label(candidates[0].destination as string)}.`,
        pointer('CFAssociations', candidates[1].index),
      );
    }
    const chosen = candidates[0];
    parentOf.set(id, { parent: chosen.destination === docKey ? ROOT : (chosen.destination as string), association: chosen });
  }
  for (const id of levelItems) {
    for (const a of childOf.get(id) ?? []) {
      if (a.destination === docKey || inHierarchy.has(a.destination as string)) {
        issues.warning(
          `The level item ${label(id)} is also placed in the hierarchy; it is kept as a level only.`,
          pointer('CFAssociations', a.index),
        );
      }
    }
  }

  // Cycles.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const item of hierarchy) {
    const path: string[] = [];
    let current: string | undefined = item.id.toLowerCase();
    while (current && current !== ROOT && state.get(current) !== 'done') {
      if (state.get(current) === 'visiting') {
        const cycle = path.slice(path.indexOf(current));
        const association = parentOf.get(cycle[cycle.length - 1])?.association;
        issues.error(
          `Cycle in isChildOf: ${[...cycle, current].map(label).join(' → ')}.`,
          association ? pointer('CFAssociations', association.index) : pointer('CFItems', item.index),
        );
        break;
      }
      state.set(current, 'visiting');
      path.push(current);
      current = parentOf.get(current)?.parent;
    }
    path.forEach((p) => state.set(p, 'done'));
  }
  if (issues.hasErrors) return issues.result();

  const childCount = new Map<string, number>();
  for (const { parent } of parentOf.values()) if (parent !== ROOT) childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  const keyOf = (id: string) => {
    const item = itemById.get(id) as ItemRecord;
    return item.ext?.key ?? item.id;
  };
  const isCategory = (item: ItemRecord) => childCount.has(item.id.toLowerCase()) || item.ext?.kind === 'category';
  const sequenceInParent = (item: ItemRecord) => parentOf.get(item.id.toLowerCase())?.association?.sequence;
  const parentKeyOf = (item: ItemRecord) => {
    const parent = parentOf.get(item.id.toLowerCase())?.parent;
    return parent && parent !== ROOT ? keyOf(parent) : undefined;
  };

  // Siblings without sequenceNumber: natural order of their codes ("L1.2" before "L1.10"), then of their titles.
  const codeOf = (item: ItemRecord) => nonBlank(item.raw['humanCodingScheme'])?.trim() ?? '';
  const byCodeThenTitle = (a: ItemRecord, b: ItemRecord) =>
    NATURAL.compare(codeOf(a), codeOf(b)) || NATURAL.compare(nodeText(a).title ?? '', nodeText(b).title ?? '');
  const categoryItems = orderSiblings(
    hierarchy.filter(isCategory),
    (i) => parentOf.get(i.id.toLowerCase())?.parent ?? ROOT,
    sequenceInParent,
    byCodeThenTitle,
  );
  const competencyItems = orderSiblings(
    hierarchy.filter((i) => !isCategory(i)),
    (i) => parentOf.get(i.id.toLowerCase())?.parent ?? ROOT,
    sequenceInParent,
    byCodeThenTitle,
  );
  const competencyIds = new Set(competencyItems.map((i) => i.id.toLowerCase()));

  // Levels from rubrics and hasSkillLevel.
  const entries = new Map<string, LevelEntry[]>();
  const addEntry = (competencyId: string, entry: LevelEntry) => pushTo(entries, competencyId, entry);
  const notPractised = new Map<string, { level: number; note: LocalizedText }[]>();
  let scaleRubric: { rubric: Record<string, unknown>; index: number } | undefined;
  arrayOf('CFRubrics').forEach((rubric, r) => {
    if (!isRecord(rubric)) return;
    const rubricExt = proficioExtension<{ role?: string }>(rubric['extensions']);
    if (fromProficio && rubricExt?.role === 'scale') {
      scaleRubric = { rubric, index: r };
      return;
    }
    const criteria = Array.isArray(rubric['CFRubricCriteria']) ? rubric['CFRubricCriteria'] : [];
    criteria.forEach((criterion, c) => {
      if (!isRecord(criterion)) return;
      const at = pointer('CFRubrics', r, 'CFRubricCriteria', c);
      const target = nodeId(criterion['CFItemURI']);
      if (!target || !competencyIds.has(target)) {
        const why = !target
          ? 'it has no CFItemURI'
          : inHierarchy.has(target)
            ? `${label(target)} has sub-items, so it is a category in Proficio`
            : `${label(target)} is not an item of this package`;
        issues.warning(`Rubric criterion not kept: ${why}.`, at);
        return;
      }
      const criterionExt = proficioExtension<{ notPractisedLevels?: { level: number; note: LocalizedText }[] }>(criterion['extensions']);
      if (criterionExt?.notPractisedLevels) notPractised.set(target, criterionExt.notPractisedLevels);
      const levels = Array.isArray(criterion['CFRubricCriterionLevels']) ? criterion['CFRubricCriterionLevels'] : [];
      levels.forEach((level, l) => {
        if (!isRecord(level)) return;
        const ext = proficioExtension<ProficioCriterionLevelExtension>(level['extensions']);
        const score = sequenceOf(level['score']);
        const position = sequenceOf(level['position']);
        const quality = nonBlank(level['quality']);
        addEntry(target, {
          number: score,
          identity: quality ?? (score !== undefined ? `Score ${score}` : `Level ${position ?? l + 1}`),
          order: score ?? position ?? l + 1,
          description: lt(ext, 'description', nonBlank(level['description'])),
          changeStatus: ext?.changeStatus,
          indicators: [],
          questions: [],
          location: `${at}/CFRubricCriterionLevels/${l}/score`,
          fromRubric: true,
        });
      });
    });
  });
  for (const a of skillLevels) {
    const origin = a.origin as string;
    const destination = itemById.get(a.destination as string);
    if (!destination) {
      issues.warning(
        `hasSkillLevel ${label(origin)} → ${label(a.destination as string)} is not kept: the level is not in this package.`,
        pointer('CFAssociations', a.index),
      );
      continue;
    }
    if (!competencyIds.has(origin)) {
      issues.warning(
        `hasSkillLevel from ${label(origin)} is not kept: ${inHierarchy.has(origin) ? 'it has sub-items, so it is a category in Proficio' : 'it is not a competency of this package'}.`,
        pointer('CFAssociations', a.index),
      );
      continue;
    }
    const full = nonBlank(destination.raw['fullStatement']);
    const abbreviated = nonBlank(destination.raw['abbreviatedStatement']);
    const enumeration = nonBlank(destination.raw['listEnumeration']);
    const numbered = enumeration !== undefined && /^\d+$/.test(enumeration.trim()) ? Number(enumeration) : undefined;
    const { indicators, questions } = levelContent.get(destination.id.toLowerCase()) ?? { indicators: [], questions: [] };
    addEntry(origin, {
      number: numbered,
      identity: abbreviated ?? nonBlank(destination.raw['humanCodingScheme']) ?? enumeration ?? full ?? destination.id,
      order: numbered ?? a.sequence ?? Number.POSITIVE_INFINITY,
      description: full !== undefined && full !== abbreviated ? { [language]: full } : undefined,
      indicators,
      questions,
      location: pointer('CFItems', destination.index, 'listEnumeration'),
      fromRubric: false,
    });
  }

  // The scale.
  let scaleLevels: ScaleLevel[] = [];
  let scaleKey = `${documentId}-levels`;
  let scaleName: LocalizedText = { [language]: 'Levels' };
  const numberOf = new Map<string, number>();
  if (scaleRubric) {
    const { rubric, index } = scaleRubric;
    const ext = proficioExtension<{ key?: string; i18n?: I18nExtension }>(rubric['extensions']);
    scaleKey = ext?.key ?? scaleKey;
    scaleName = lt(ext, 'name', nonBlank(rubric['title'])) ?? scaleName;
    const criterion =
      Array.isArray(rubric['CFRubricCriteria']) && isRecord(rubric['CFRubricCriteria'][0]) ? rubric['CFRubricCriteria'][0] : {};
    const levels = Array.isArray(criterion['CFRubricCriterionLevels']) ? criterion['CFRubricCriterionLevels'] : [];
    levels.forEach((level, l) => {
      if (!isRecord(level)) return;
      const score = sequenceOf(level['score']);
      if (score === undefined || !Number.isInteger(score) || score < 1) {
        issues.error(
          `Scale level score must be a whole number from 1 (found ${JSON.stringify(level['score'])}).`,
          pointer('CFRubrics', index, 'CFRubricCriteria', 0, 'CFRubricCriterionLevels', l, 'score'),
        );
        return;
      }
      const levelExt = proficioExtension<ProficioCriterionLevelExtension>(level['extensions']);
      scaleLevels.push(
        compact({
          number: score,
          code: levelExt?.code ?? String(score),
          label: lt(levelExt, 'label', nonBlank(level['quality'])) ?? { [language]: `Level ${score}` },
          description: lt(levelExt, 'description', nonBlank(level['description'])),
          guidingPhrase: levelExt?.guidingPhrase,
          proficient: levelExt?.proficient,
        }),
      );
    });
    scaleLevels.sort((a, b) => a.number - b.number);
    const inScale = new Set(scaleLevels.map((l) => l.number));
    const range = scaleLevels.length ? `${scaleLevels[0].number}–${scaleLevels[scaleLevels.length - 1].number}` : 'empty';
    for (const [competencyId, list] of entries) {
      for (const entry of list) {
        if (entry.number === undefined || !inScale.has(entry.number)) {
          issues.error(
            `Level ${entry.number ?? `"${entry.identity}"`} of ${label(competencyId)} is outside the scale (${range}).`,
            entry.location,
          );
        }
      }
    }
  } else {
    const identities = new Map<string, { order: number; first: number }>();
    let seen = 0;
    for (const list of entries.values()) {
      for (const entry of list) {
        const known = identities.get(entry.identity);
        if (!known) identities.set(entry.identity, { order: entry.order, first: seen++ });
        else known.order = Math.min(known.order, entry.order);
      }
    }
    const ordered = [...identities.entries()].sort(([, a], [, b]) => a.order - b.order || a.first - b.first || 0);
    ordered.forEach(([identity], i) => numberOf.set(identity, i + 1));
    scaleLevels = ordered.map(([identity], i) => ({ number: i + 1, code: String(i + 1), label: { [language]: identity } }));
    const title = nonBlank(cfDocument['title']);
    if (title) scaleName = { [language]: `${title}: levels` };
    if (scaleLevels.length === 0) {
      // Proficio's own export of a level-less CASE source says nothing new: that source's import warned already.
      if (!fromProficio)
        issues.warning(
          'The package defines no levels (no CFRubrics or hasSkillLevel associations): competencies are imported without levels, on a one-level placeholder scale.',
          '/CFRubrics',
        );
      scaleLevels = [{ number: 1, code: '1', label: { [language]: 'Level 1' } }];
    }
  }
  if (issues.hasErrors) return issues.result();

  const levelsOf = (competencyId: string): CompetencyLevel[] => {
    const byNumber = new Map<number, LevelEntry>();
    for (const entry of entries.get(competencyId) ?? []) {
      const number = scaleRubric ? (entry.number as number) : (numberOf.get(entry.identity) as number);
      const existing = byNumber.get(number);
      if (!existing) byNumber.set(number, { ...entry, number });
      else if (existing.fromRubric !== entry.fromRubric) {
        existing.description ??= entry.description;
        existing.indicators.push(...entry.indicators);
        existing.questions.push(...entry.questions);
      } else issues.warning(`Level ${number} of ${label(competencyId)} is given twice; the first is kept.`, entry.location);
    }
    return [...byNumber.values()]
      .sort((a, b) => (a.number as number) - (b.number as number))
      .map((e) =>
        compact({
          level: e.number as number,
          description: e.description,
          changeStatus: e.changeStatus,
          indicators: e.indicators,
          questions: e.questions,
        }),
      );
  };

  // Related competencies from the other associations.
  const related = new Map<string, string[]>();
  const sourceAssociations: Record<string, CaseSourceAssociation> = {};
  for (const a of others) {
    const origin = a.origin as string;
    const destination = a.destination as string;
    const where = pointer('CFAssociations', a.index);
    const why = (id: string) =>
      id === docKey
        ? 'it involves the document'
        : !itemById.has(id)
          ? `${label(id)} is not in this package`
          : content.has(id)
            ? `${label(id)} is a level, indicator or question item`
            : !competencyIds.has(id)
              ? `${label(id)} has sub-items, so it is a category in Proficio`
              : undefined;
    const reason = why(origin) ?? why(destination);
    if (reason) {
      issues.warning(`${a.type || 'Association'} ${label(origin)} → ${label(destination)} is not kept: ${reason}.`, where);
      continue;
    }
    if (origin === destination) continue;
    const list = related.get(origin) ?? [];
    const key = keyOf(destination);
    if (list.includes(key)) continue;
    list.push(key);
    related.set(origin, list);
    const record = sourceAssociation(a, madeFor);
    if (record) sourceAssociations[`${keyOf(origin)}|${key}`] = record;
  }

  const categories: Category[] = categoryItems.map((item) => {
    const { title, description } = nodeText(item);
    return compact({
      key: keyOf(item.id.toLowerCase()),
      code: nonBlank(item.raw['humanCodingScheme']),
      name: lt(item.ext, 'name', title) as LocalizedText,
      description: lt(item.ext, 'description', description),
      parentKey: parentKeyOf(item),
    });
  });
  const competencies: Competency[] = competencyItems.map((item) => {
    const id = item.id.toLowerCase();
    const { title, description } = nodeText(item);
    const relatedKeys = related.get(id);
    return compact({
      key: keyOf(id),
      code: nonBlank(item.raw['humanCodingScheme'])?.trim() ?? '',
      categoryKey: parentKeyOf(item),
      title: lt(item.ext, 'title', title) as LocalizedText,
      description: lt(item.ext, 'description', description),
      guidance: lt(item.ext, 'guidance', nonBlank(item.raw['notes'])),
      changeStatus: item.ext?.changeStatus,
      guidanceChangeStatus: item.ext?.guidanceChangeStatus,
      relatedKeys: relatedKeys?.length ? relatedKeys : undefined,
      levels: levelsOf(id),
      notPractisedLevels: notPractised.get(id),
    });
  });

  const licence = (() => {
    const link = cfDocument['licenseURI'];
    const licenceId = nodeId(link);
    const definitions =
      isRecord(pkg['CFDefinitions']) && Array.isArray(pkg['CFDefinitions']['CFLicenses']) ? pkg['CFDefinitions']['CFLicenses'] : [];
    const found = definitions.find(
      (l): l is Record<string, unknown> => isRecord(l) && nonBlank(l['identifier'])?.toLowerCase() === licenceId,
    );
    return nonBlank(found?.['title']) ?? (isRecord(link) ? nonBlank(link['title']) : undefined);
  })();
  const sourceUrl = nonBlank(cfDocument['officialSourceURL']);
  if (sourceUrl && !/^https?:\/\/\S+$/.test(sourceUrl))
    issues.warning(`officialSourceURL "${sourceUrl}" is not an http(s) URL; not kept.`, '/CFDocument/officialSourceURL');
  const title = nonBlank(cfDocument['title']);
  if (!title) issues.warning('The CFDocument has no title; its identifier is used.', '/CFDocument/title');
  const frameworkKey = docExt?.key ?? (documentId as string);
  const creator = nonBlank(cfDocument['creator']);
  const publisher = nonBlank(cfDocument['publisher']) ?? (keepSource ? creator : undefined);
  let caseSource: CaseSource | undefined;
  if (keepSource) {
    const itemDates: Record<string, string> = {};
    for (const item of [...categoryItems, ...competencyItems]) {
      const id = item.id.toLowerCase();
      const date = caseDateTime(item.raw['lastChangeDateTime']);
      if (date) itemDates[keyOf(id)] = date;
      const placement = parentOf.get(id)?.association;
      const record = placement && sourceAssociation(placement, madeFor);
      if (record) sourceAssociations[`${keyOf(id)}|${parentKeyOf(item) ?? ''}`] = record;
    }
    caseSource = compact({
      lastChangeDateTime: caseDateTime(cfDocument['lastChangeDateTime']),
      creator,
      publisherFromCreator: creator ? !nonBlank(cfDocument['publisher']) : undefined,
      hasRubrics: fromProficio ? docExt?.caseSource?.hasRubrics === true : Array.isArray(pkg['CFRubrics']),
      items: Object.keys(itemDates).length ? itemDates : undefined,
      associations: Object.keys(sourceAssociations).length ? sourceAssociations : undefined,
    });
  }

  const doc: FrameworkDocument = {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: compact({
      key: frameworkKey,
      code: fromProficio ? (docExt as ProficioDocumentExtension).code : shortCode(title ?? '', frameworkKey),
      name: lt(docExt, 'name', title ?? frameworkKey) as LocalizedText,
      description: lt(docExt, 'description', nonBlank(cfDocument['description'])),
      publisher,
      sourceUrl: sourceUrl && /^https?:\/\/\S+$/.test(sourceUrl) ? sourceUrl : undefined,
      licence,
      attribution: nonBlank(cfDocument['notes']),
      versionLabel: nonBlank(cfDocument['version']) ?? 'unversioned',
      defaultLanguage: language,
      languages: docExt?.languages ?? [language],
      depthNames: docExt?.depthNames,
    }),
    scale: { key: scaleKey, name: scaleName, levels: scaleLevels },
    categories,
    competencies,
    ...(docExt?.certifications ? { certifications: docExt.certifications } : {}),
    ...(caseSource ? { caseSource } : {}),
  };
  issues.add(validateFrameworkDocument(doc, { duplicateCodes: 'warning', locationPrefix: 'document ' }));
  return issues.result(doc);
}
