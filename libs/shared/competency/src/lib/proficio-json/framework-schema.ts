import schema from './proficio-framework.schema.json';

/** JSON Schema (draft-07) of Proficio's native framework format, `proficio-framework` v1. */
export const PROFICIO_FRAMEWORK_SCHEMA: Readonly<Record<string, unknown>> = schema;
