import type { FrameworkDocument } from '@proficio/shared/contracts';
import ecfAreaCRun from './ecf-area-c-run.json';
import serviceManagementProcesses from './service-management-processes.json';
import serviceManagement from './service-management.json';
import sfiaItmg from './sfia-itmg.json';
import sfiaSlmoIt from './sfia-slmo-it.json';

/**
 * The frameworks Proficio ships, transcribed verbatim from the five source
 * documents (quirks included: they surface as data-quality warnings). Each is
 * checked against the schema and its source text by built-in-packs.spec.ts.
 */
export const BUILT_IN_PACKS: readonly FrameworkDocument[] = [
  ecfAreaCRun,
  serviceManagementProcesses,
  serviceManagement,
  sfiaItmg,
  sfiaSlmoIt,
] as unknown as FrameworkDocument[];
