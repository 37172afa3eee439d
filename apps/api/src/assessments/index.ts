export { AssessmentsModule } from './assessments.module';
export { ASSESSMENT_ENTITIES } from './assessment.entities';
export { competencyFacts } from './assessments.queries';
export type { CompetencyFactsRow } from './assessments.queries';
export { competencyRef, languageOf } from './assessment.view';
export { AssessmentWriteService } from './assessment-write.service';
export type { ReviewRecord } from './assessment-write.service';
export { evidenceForAssessments, settingNumber } from './assessments.queries';
export { RatingConfidence, RatingLevel, RatingRationale } from './dto/rating-fields';
