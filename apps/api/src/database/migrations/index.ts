import { MigrationInterface } from 'typeorm';
import { CreateFrameworkSchema1795300000000 } from './1795300000000-CreateFrameworkSchema';
import { CreateFrameworkImport1795300000001 } from './1795300000001-CreateFrameworkImport';
import { CreateOrganisation1795300000002 } from './1795300000002-CreateOrganisation';
import { CreateRoleProfiles1795300000003 } from './1795300000003-CreateRoleProfiles';
import { CreatePeopleImport1795300000005 } from './1795300000005-CreatePeopleImport';
import { IndexEmployeeSearch1795300000007 } from './1795300000007-IndexEmployeeSearch';
import { AddPasswordMustChange1795300000008 } from './1795300000008-AddPasswordMustChange';
import { RebuildReportingLine1796544037294 } from './1796544037294-RebuildReportingLine';
import { GuardAuditTruncate1796544044717 } from './1796544044717-GuardAuditTruncate';
import { AddFrameworkImportCommittedBy1796544609549 } from './1796544609549-AddFrameworkImportCommittedBy';
import { AddScaleProficientAndDepthNames1796573726036 } from './1796573726036-AddScaleProficientAndDepthNames';
import { CreateAssessments1796575155982 } from './1796575155982-CreateAssessments';
import { AddFrameworkVersionImportWarnings1796588796588 } from './1796588796588-AddFrameworkVersionImportWarnings';
import { CreateEvidence1796588817591 } from './1796588817591-CreateEvidence';
import { AddFrameworkSourceKey1796590819117 } from './1796590819117-AddFrameworkSourceKey';
import { LinkAssessmentEvidence1796592975596 } from './1796592975596-LinkAssessmentEvidence';
import { AddFrameworkVersionCaseSource1796593356465 } from './1796593356465-AddFrameworkVersionCaseSource';
import { CreateReviewCycles1796600000000 } from './1796600000000-CreateReviewCycles';
import { AddCompetencyLineageFunction1796613276141 } from './1796613276141-AddCompetencyLineageFunction';

/**
 * Every migration, oldest first. The api is bundled, so migrations are listed
 * here rather than found by a file glob; `npm run db:migration:create -- VerbObject`
 * writes a new one and adds it here.
 */
export const migrations: Array<new () => MigrationInterface> = [
  CreateFrameworkSchema1795300000000,
  CreateFrameworkImport1795300000001,
  CreateOrganisation1795300000002,
  CreateRoleProfiles1795300000003,
  CreatePeopleImport1795300000005,
  IndexEmployeeSearch1795300000007,
  AddPasswordMustChange1795300000008,
  RebuildReportingLine1796544037294,
  GuardAuditTruncate1796544044717,
  AddFrameworkImportCommittedBy1796544609549,
  AddScaleProficientAndDepthNames1796573726036,
  CreateAssessments1796575155982,
  AddFrameworkVersionImportWarnings1796588796588,
  CreateEvidence1796588817591,
  AddFrameworkSourceKey1796590819117,
  LinkAssessmentEvidence1796592975596,
  AddFrameworkVersionCaseSource1796593356465,
  CreateReviewCycles1796600000000,
  AddCompetencyLineageFunction1796613276141,
];
