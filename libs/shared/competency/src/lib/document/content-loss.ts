import {
  FRAMEWORK_LOSABLE_FIELDS,
  type FrameworkContentLoss,
  type FrameworkDocument,
  type LocalizedText,
} from '@proficio/shared/contracts';

type LossKind = Exclude<keyof FrameworkContentLoss, 'translations' | 'languages' | 'frameworkFields' | 'total'>;

/** One place of a document that holds a text (or, for certifications, only is), with the kind its loss counts under. */
interface Place {
  /** Null for texts whose place is only lost with their parent (a title goes with its competency). */
  kind: LossKind | null;
  text?: LocalizedText;
}

const hasText = (text: LocalizedText | undefined): text is LocalizedText =>
  !!text && Object.values(text).some((value) => value.trim() !== '');

/** Every place of `doc` that holds something, by a path that names it by key (never by position, but within a level). */
function placesOf(doc: FrameworkDocument): Map<string, Place> {
  const places = new Map<string, Place>();
  const put = (path: string, kind: LossKind | null, text: LocalizedText | undefined) => {
    if (hasText(text)) places.set(path, { kind, text });
  };
  put('framework/name', null, doc.framework.name);
  put('framework/description', 'descriptions', doc.framework.description);
  put('scale/name', null, doc.scale.name);
  doc.framework.depthNames?.forEach((name, i) => put(`framework/depth/${i}`, null, name));
  for (const level of doc.scale.levels) {
    const at = `scale/${level.number}`;
    put(at, 'scaleTexts', level.label);
    put(`${at}/description`, 'scaleTexts', level.description);
    put(`${at}/guidingPhrase`, 'scaleTexts', level.guidingPhrase);
  }
  for (const category of doc.categories) {
    put(`category/${category.key}`, 'categories', category.name);
    put(`category/${category.key}/description`, 'descriptions', category.description);
  }
  for (const competency of doc.competencies) {
    const at = `competency/${competency.key}`;
    put(at, 'competencies', competency.title);
    put(`${at}/description`, 'descriptions', competency.description);
    put(`${at}/guidance`, 'guidance', competency.guidance);
    for (const note of competency.notPractisedLevels ?? []) put(`${at}/notPractised/${note.level}`, 'levelDescriptions', note.note);
    for (const level of competency.levels) {
      const levelAt = `${at}/level/${level.level}`;
      put(`${levelAt}/description`, 'levelDescriptions', level.description);
      level.indicators.forEach((indicator, i) => put(`${levelAt}/indicator/${i}`, 'indicators', indicator));
      level.questions.forEach((question, i) => {
        put(`${levelAt}/question/${i}`, 'questions', question.text);
        question.probes.forEach((probe, j) => put(`${levelAt}/question/${i}/probe/${j}`, 'questions', probe));
      });
    }
  }
  for (const certification of doc.certifications ?? []) places.set(`certification/${certification.name}`, { kind: 'certifications' });
  return places;
}

/** Nothing lost: every count 0, no language or framework field. */
export const NO_CONTENT_LOSS: Readonly<FrameworkContentLoss> = Object.freeze({
  competencies: 0,
  categories: 0,
  levelDescriptions: 0,
  indicators: 0,
  questions: 0,
  guidance: 0,
  descriptions: 0,
  scaleTexts: 0,
  certifications: 0,
  translations: 0,
  languages: [],
  frameworkFields: [],
  total: 0,
});

/**
 * What `before` (the latest stored version) holds that `after` (an incoming
 * version of the same framework) would not: the counts the import preview shows
 * and the reason a commit must confirm. Nothing is lost when `total` is 0.
 */
export function contentLoss(before: FrameworkDocument, after: FrameworkDocument): FrameworkContentLoss {
  const loss: FrameworkContentLoss = {
    ...NO_CONTENT_LOSS,
    languages: before.framework.languages.filter((language) => !after.framework.languages.includes(language)),
    frameworkFields: FRAMEWORK_LOSABLE_FIELDS.filter((field) => !!before.framework[field]?.trim() && !after.framework[field]?.trim()),
    total: 0,
  };
  const kept = placesOf(after);
  for (const [path, place] of placesOf(before)) {
    const now = kept.get(path);
    if (!now) {
      if (place.kind) loss[place.kind] += 1;
      continue;
    }
    if (!place.text || !now.text) continue;
    const still = now.text;
    loss.translations += Object.entries(place.text).filter(
      ([language, text]) => text.trim() !== '' && !(still[language]?.trim() ?? ''),
    ).length;
  }
  const counted: LossKind[] = [
    'competencies',
    'categories',
    'levelDescriptions',
    'indicators',
    'questions',
    'guidance',
    'descriptions',
    'scaleTexts',
    'certifications',
  ];
  loss.total = counted.reduce((sum, kind) => sum + loss[kind], 0) + loss.translations + loss.frameworkFields.length;
  return loss;
}
