/**
 * The version label the importers give a framework whose source names no version (the CASE, SFIA and Moodle
 * formats of `@proficio/shared/competency`; the built-in service-management packs carry it too). It is not a
 * version: pages show such a framework without one.
 */
export const NO_VERSION_LABEL = 'unversioned';

/** A framework version's label as people read it: '' when it has none ('unversioned' or blank), else the label. */
export function frameworkVersionLabel(label: string | null | undefined): string {
  const text = label?.trim() ?? '';
  return text === NO_VERSION_LABEL ? '' : text;
}

/** A framework's name or code with its version label, "SFIA 9", or alone, "SFIA", when it has no version. */
export function withFrameworkVersion(name: string, label: string | null | undefined): string {
  return [name, frameworkVersionLabel(label)].filter(Boolean).join(' ');
}
