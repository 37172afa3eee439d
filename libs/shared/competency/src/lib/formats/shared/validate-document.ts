import type { FrameworkDocument, LocalizedText } from '@proficio/shared/contracts';
import type { ImportIssue } from '../import-result';
import { pointer } from './issues';

export interface DocumentCheckOptions {
  /** Duplicate competency/category codes: an error in Proficio JSON, Moodle and SFIA; a warning for CASE, where codes are free text. */
  duplicateCodes?: 'error' | 'warning';
  /** Prefix for locations, e.g. "document " when the document was converted from another format. */
  locationPrefix?: string;
}

/**
 * Semantic checks a JSON Schema cannot express, on a document whose shape is
 * already valid: unique keys and codes, levels inside the scale, known
 * category/parent/related keys and no cycles in the category hierarchy.
 * Locations are JSON pointers into the document.
 */
export function checkFrameworkDocument(doc: FrameworkDocument, options: DocumentCheckOptions = {}): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const prefix = options.locationPrefix ?? '';
  const error = (message: string, ...path: (string | number)[]) =>
    issues.push({ severity: 'error', message, location: prefix + pointer(...path) });
  const warning = (message: string, ...path: (string | number)[]) =>
    issues.push({ severity: 'warning', message, location: prefix + pointer(...path) });
  const codeIssue = options.duplicateCodes === 'warning' ? warning : error;

  if (!doc.framework.languages.includes(doc.framework.defaultLanguage)) {
    error(
      `The default language "${doc.framework.defaultLanguage}" is not among the document's languages (${doc.framework.languages.join(', ')}).`,
      'framework',
      'defaultLanguage',
    );
  }

  // Scale: numbers 1..n in order, unique codes.
  const scaleNumbers = new Set<number>();
  const scaleCodes = new Map<string, number>();
  doc.scale.levels.forEach((level, i) => {
    if (level.number !== i + 1)
      error(`Scale level numbers must run 1..n in order: expected ${i + 1}, found ${level.number}.`, 'scale', 'levels', i, 'number');
    scaleNumbers.add(level.number);
    const first = scaleCodes.get(level.code);
    if (first !== undefined)
      error(`Duplicate scale level code "${level.code}" (also at /scale/levels/${first}).`, 'scale', 'levels', i, 'code');
    else scaleCodes.set(level.code, i);
  });
  const scaleRange = doc.scale.levels.length
    ? `${doc.scale.levels[0].number}–${doc.scale.levels[doc.scale.levels.length - 1].number}`
    : 'empty';

  // Categories: unique keys and codes, known parents, no cycles.
  const categoryIndex = new Map<string, number>();
  const categoryCodes = new Map<string, number>();
  doc.categories.forEach((category, i) => {
    const first = categoryIndex.get(category.key);
    if (first !== undefined) error(`Duplicate category key "${category.key}" (also at /categories/${first}).`, 'categories', i, 'key');
    else categoryIndex.set(category.key, i);
    if (category.code !== undefined) {
      const firstCode = categoryCodes.get(category.code);
      if (firstCode !== undefined)
        codeIssue(`Duplicate category code "${category.code}" (also at /categories/${firstCode}).`, 'categories', i, 'code');
      else categoryCodes.set(category.code, i);
    }
  });
  const inCycle = new Set<string>();
  doc.categories.forEach((category, i) => {
    if (category.parentKey === undefined) return;
    if (!categoryIndex.has(category.parentKey)) {
      error(`Unknown parent category "${category.parentKey}" of category "${category.key}".`, 'categories', i, 'parentKey');
      return;
    }
    if (inCycle.has(category.key)) return;
    const path = [category.key];
    let current: string | undefined = category.parentKey;
    while (current !== undefined && !path.includes(current)) {
      path.push(current);
      const index = categoryIndex.get(current);
      current = index === undefined ? undefined : doc.categories[index].parentKey;
    }
    if (current !== undefined && current === category.key) {
      path.forEach((key) => inCycle.add(key));
      error(`Cycle in the category hierarchy: ${[...path, category.key].join(' → ')}.`, 'categories', i, 'parentKey');
    }
  });

  // Competencies.
  const competencyIndex = new Map<string, number>();
  const competencyCodes = new Map<string, number>();
  doc.competencies.forEach((competency, i) => {
    const first = competencyIndex.get(competency.key);
    if (first !== undefined)
      error(`Duplicate competency key "${competency.key}" (also at /competencies/${first}).`, 'competencies', i, 'key');
    else competencyIndex.set(competency.key, i);
    if (competency.code === '') return;
    const firstCode = competencyCodes.get(competency.code);
    if (firstCode !== undefined)
      codeIssue(`Duplicate competency code "${competency.code}" (also at /competencies/${firstCode}).`, 'competencies', i, 'code');
    else competencyCodes.set(competency.code, i);
  });
  doc.competencies.forEach((competency, i) => {
    if (competency.categoryKey !== undefined && !categoryIndex.has(competency.categoryKey)) {
      error(
        `Unknown category "${competency.categoryKey}" of competency "${competency.code || competency.key}".`,
        'competencies',
        i,
        'categoryKey',
      );
    }
    let previous = 0;
    competency.levels.forEach((level, j) => {
      if (!scaleNumbers.has(level.level)) {
        error(
          `Level ${level.level} of competency "${competency.code || competency.key}" is outside the scale (${scaleRange}).`,
          'competencies',
          i,
          'levels',
          j,
          'level',
        );
      }
      if (level.level <= previous)
        error(
          `Levels of competency "${competency.code || competency.key}" must be ascending and unique: ${level.level} follows ${previous}.`,
          'competencies',
          i,
          'levels',
          j,
          'level',
        );
      previous = level.level;
    });
    const defined = new Set(competency.levels.map((level) => level.level));
    (competency.notPractisedLevels ?? []).forEach((np, j) => {
      if (!scaleNumbers.has(np.level))
        error(
          `Not-practised level ${np.level} of competency "${competency.code || competency.key}" is outside the scale (${scaleRange}).`,
          'competencies',
          i,
          'notPractisedLevels',
          j,
          'level',
        );
      if (defined.has(np.level))
        error(
          `Level ${np.level} of competency "${competency.code || competency.key}" is both defined and "not practised".`,
          'competencies',
          i,
          'notPractisedLevels',
          j,
          'level',
        );
    });
    (competency.relatedKeys ?? []).forEach((key, j) => {
      if (!competencyIndex.has(key))
        error(
          `Unknown related competency "${key}" of competency "${competency.code || competency.key}".`,
          'competencies',
          i,
          'relatedKeys',
          j,
        );
      else if (key === competency.key)
        warning(`Competency "${competency.code || competency.key}" is related to itself.`, 'competencies', i, 'relatedKeys', j);
    });
  });

  (doc.certifications ?? []).forEach((certification, i) => {
    (certification.competencyKeys ?? []).forEach((key, j) => {
      if (!competencyIndex.has(key))
        error(`Unknown competency "${key}" in certification "${certification.name}".`, 'certifications', i, 'competencyKeys', j);
    });
    (certification.categoryKeys ?? []).forEach((key, j) => {
      if (!categoryIndex.has(key))
        error(`Unknown category "${key}" in certification "${certification.name}".`, 'certifications', i, 'categoryKeys', j);
    });
  });

  // Texts in languages the document does not declare.
  const declared = new Set(doc.framework.languages);
  const reported = new Set<string>();
  forEachText(doc, (text, path) => {
    for (const language of Object.keys(text)) {
      if (!declared.has(language) && !reported.has(language)) {
        reported.add(language);
        warning(`Text in language "${language}", which is not listed in framework.languages.`, ...path, language);
      }
    }
  });
  return issues;
}

/** Calls `visit` for every LocalizedText of a document with its JSON pointer path. */
export function forEachText(doc: FrameworkDocument, visit: (text: LocalizedText, path: (string | number)[]) => void): void {
  const v = (text: LocalizedText | undefined, ...path: (string | number)[]) => {
    if (text) visit(text, path);
  };
  v(doc.framework.name, 'framework', 'name');
  v(doc.framework.description, 'framework', 'description');
  v(doc.scale.name, 'scale', 'name');
  doc.scale.levels.forEach((level, i) => {
    v(level.label, 'scale', 'levels', i, 'label');
    v(level.description, 'scale', 'levels', i, 'description');
    v(level.guidingPhrase, 'scale', 'levels', i, 'guidingPhrase');
  });
  doc.categories.forEach((category, i) => {
    v(category.name, 'categories', i, 'name');
    v(category.description, 'categories', i, 'description');
  });
  doc.competencies.forEach((competency, i) => {
    v(competency.title, 'competencies', i, 'title');
    v(competency.description, 'competencies', i, 'description');
    v(competency.guidance, 'competencies', i, 'guidance');
    competency.levels.forEach((level, j) => {
      v(level.description, 'competencies', i, 'levels', j, 'description');
      level.indicators.forEach((indicator, k) => v(indicator, 'competencies', i, 'levels', j, 'indicators', k));
      level.questions.forEach((question, k) => {
        v(question.text, 'competencies', i, 'levels', j, 'questions', k, 'text');
        question.probes.forEach((probe, p) => v(probe, 'competencies', i, 'levels', j, 'questions', k, 'probes', p));
      });
    });
    (competency.notPractisedLevels ?? []).forEach((np, j) => v(np.note, 'competencies', i, 'notPractisedLevels', j, 'note'));
  });
}
