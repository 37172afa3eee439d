import type { FrameworkContentLoss, FrameworkLosableField, FrameworkSimilarity } from '@proficio/shared/contracts';

const COUNTED: { key: keyof FrameworkContentLoss; one: string; many: string }[] = [
  { key: 'competencies', one: 'competency', many: 'competencies' },
  { key: 'categories', one: 'category', many: 'categories' },
  { key: 'levelDescriptions', one: 'level description', many: 'level descriptions' },
  { key: 'indicators', one: 'indicator', many: 'indicators' },
  { key: 'questions', one: 'question', many: 'questions' },
  { key: 'guidance', one: 'guidance text', many: 'guidance texts' },
  { key: 'descriptions', one: 'description', many: 'descriptions' },
  { key: 'scaleTexts', one: 'scale text', many: 'scale texts' },
  { key: 'certifications', one: 'certification', many: 'certifications' },
  { key: 'translations', one: 'translation', many: 'translations' },
];

const FIELD_NAMES: Record<FrameworkLosableField, string> = {
  licence: 'the licence',
  attribution: 'the attribution',
  publisher: 'the publisher',
  sourceUrl: 'the source URL',
};

/** "672 level descriptions, 1 indicator and the licence": what a version would lose, in words. */
export function describeLoss(loss: FrameworkContentLoss): string {
  const parts = [
    ...COUNTED.flatMap(({ key, one, many }) => {
      const count = loss[key] as number;
      return count > 0 ? [`${count} ${count === 1 ? one : many}`] : [];
    }),
    ...loss.frameworkFields.map((field) => FIELD_NAMES[field]),
  ];
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'nothing');
}

/** "title 0 % alike, 10 % of the items in common". */
export function describeSimilarity(similarity: FrameworkSimilarity): string {
  return `title ${Math.round(similarity.title * 100)} % alike, ${Math.round(similarity.items * 100)} % of the items in common`;
}
