import type { FrameworkCounts, FrameworkDocument } from '@proficio/shared/contracts';

/** What a framework document holds, as shown in import previews and the framework library. */
export function countDocument(doc: FrameworkDocument): FrameworkCounts {
  const levels = doc.competencies.flatMap((competency) => competency.levels);
  return {
    competencies: doc.competencies.length,
    levels: levels.length,
    indicators: levels.reduce((sum, level) => sum + level.indicators.length, 0),
    questions: levels.reduce((sum, level) => sum + level.questions.length, 0),
  };
}
