import type { FrameworkDocument } from '@proficio/shared/contracts';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { PROFICIO_FRAMEWORK_SCHEMA } from '../../proficio-json/framework-schema';
import type { ImportIssue, ImportResult } from '../import-result';
import { IssueList, parseUtf8Json, pointer } from '../shared/issues';
import { checkFrameworkDocument, type DocumentCheckOptions } from '../shared/validate-document';

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(PROFICIO_FRAMEWORK_SCHEMA);
  return compiled;
}

function describeAjvError(error: ErrorObject): { message: string; location: string } {
  const at = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: `Missing required property "${String(params['missingProperty'])}".`, location: at };
    case 'additionalProperties':
      return {
        message: `Unknown property "${String(params['additionalProperty'])}".`,
        location: `${error.instancePath}${pointer(String(params['additionalProperty']))}`,
      };
    case 'const':
      return { message: `Must be ${JSON.stringify(params['allowedValue'])}.`, location: at };
    case 'enum':
      return {
        message: `Must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
        location: at,
      };
    default:
      return { message: `${(error.message ?? 'is invalid').replace(/^./, (c) => c.toUpperCase())}.`, location: at };
  }
}

/**
 * Validates a value as a FrameworkDocument: first against the published JSON
 * Schema (locations are ajv's instance paths, i.e. JSON pointers), then, when
 * the shape is right, the semantic checks (duplicate keys and codes, levels
 * outside the scale, unknown category/parent keys, category cycles).
 */
export function validateFrameworkDocument(value: unknown, options: DocumentCheckOptions = {}): ImportIssue[] {
  const validate = schemaValidator();
  if (!validate(value)) {
    const prefix = options.locationPrefix ?? '';
    // anyOf/oneOf branches repeat the same complaint; keep each (location, message) once.
    const seen = new Set<string>();
    const issues: ImportIssue[] = [];
    for (const error of validate.errors ?? []) {
      const { message, location } = describeAjvError(error);
      const id = `${location}\u0000${message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      issues.push({ severity: 'error', message, location: prefix + location });
    }
    return issues;
  }
  return checkFrameworkDocument(value as FrameworkDocument, options);
}

/** Parses Proficio's native framework JSON (UTF-8, `format: "proficio-framework"`, `formatVersion: 1`). */
export function parseProficioJson(input: Uint8Array | string): ImportResult {
  const issues = new IssueList();
  const value = parseUtf8Json(input, issues, 'Proficio framework file');
  if (issues.hasErrors) return issues.result();
  if (
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    (value as Record<string, unknown>)['format'] !== 'proficio-framework'
  ) {
    const format = value && typeof value === 'object' ? (value as Record<string, unknown>)['format'] : undefined;
    const looksLikeCase = !!value && typeof value === 'object' && 'CFDocument' in value;
    issues.error(
      `Not a Proficio framework file: "format" must be "proficio-framework"${format === undefined ? ' (missing)' : ` (found ${JSON.stringify(format)})`}.${looksLikeCase ? ' This looks like a CASE package: import it as "case".' : ''}`,
      '/format',
    );
    return issues.result();
  }
  issues.add(validateFrameworkDocument(value, { duplicateCodes: 'error' }));
  return issues.result(value as FrameworkDocument);
}

/** Writes a framework document as Proficio JSON (2-space indented, trailing newline). */
export function exportProficioJson(doc: FrameworkDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
