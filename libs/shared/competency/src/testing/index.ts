/**
 * Test data builders for the competency formats, shared by the API's integration tests and the e2e journeys
 * (`@proficio/shared/competency/testing`). Not part of the library's public index: no production code imports it.
 */
export { casePackage } from './case-package';
export { fixture, fixturePath } from './fixtures';
export { gardenFramework } from './garden-framework';
export { publisherCasePackage } from './publisher-case-package';
export type { PublisherPackageDates, PublisherPackageIds } from './publisher-case-package';
export { sfiaSkillsCsv } from './sfia-skills-csv';
export type { SfiaSkill } from './sfia-skills-csv';
