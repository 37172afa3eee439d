import type { FrameworkDocument } from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '@proficio/shared/competency';

function pack(key: string): FrameworkDocument {
  const found = BUILT_IN_PACKS.find((candidate) => candidate.framework.key === key);
  if (!found) throw new Error(`No built-in pack ${key}`);
  return found;
}

/** The built-in packs themselves, as the web tests' fixtures. */
export const ECF_AREA_C_RUN_PACK = pack('ecf-area-c-run');
export const SERVICE_MANAGEMENT_PROCESSES_PACK = pack('it-community-service-management-processes');
export const SFIA_ITMG_PACK = pack('sfia-itmg');
export const SFIA_SLMO_IT_PACK = pack('sfia-slmo-it');
