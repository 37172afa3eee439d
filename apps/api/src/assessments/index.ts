export { AssessmentsModule } from './assessments.module';
export { ASSESSMENT_ENTITIES } from './assessment.entities';
export { competencyFacts } from './assessments.queries';
export type { CompetencyFactsRow } from './assessments.queries';
export { competencyRef, frameworkRef, languageOf } from './assessment.view';
