import type { FrameworkRef, LocalizedText } from '@proficio/shared/contracts';
import { localizeRequired } from './localize';

/**
 * The columns a query selects to name a competency's framework version, as other modules' rows carry them:
 *
 *   v.id AS framework_version_id, v.code AS framework_code, v.name AS framework_name,
 *   v.version_label, v.version_number, v.default_language, v.languages
 */
export interface FrameworkRefColumns {
  framework_version_id: string;
  framework_code: string;
  framework_name: LocalizedText;
  version_label: string;
  version_number: number;
  default_language: string;
  languages: string[];
}

/** The framework version as the API names it, its name in `language` (or the version's default language). */
export function frameworkRefOf(row: FrameworkRefColumns, language: string): FrameworkRef {
  return {
    id: row.framework_version_id,
    code: row.framework_code,
    name: localizeRequired(row.framework_name, language, row.default_language),
    versionLabel: row.version_label,
    versionNumber: row.version_number,
  };
}
