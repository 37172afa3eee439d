export { AssessmentsModule } from './assessments.module';
export { ASSESSMENT_ENTITIES } from './assessment.entities';
