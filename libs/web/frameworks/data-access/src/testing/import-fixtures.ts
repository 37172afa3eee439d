import { FrameworkContentLoss, FrameworkImportCommitResult, FrameworkImportPreview, ProblemDetails } from '@proficio/shared/contracts';
import { NO_CONTENT_LOSS } from '@proficio/shared/competency';

export const IMPORT_FIXTURE_IDS = {
  importId: '7a1c2e3d-4b5f-4a6e-8d7c-9b0a1f2e3d4c',
  frameworkId: '2e4f6a8c-1b3d-4e5f-a7b9-c1d3e5f7a9b1',
  latestVersionId: '3f5a7c9e-2d4b-4f6a-b8c0-d2e4f6a8c0e2',
  committedVersionId: '4a6c8e0a-3e5c-4a7b-c9d1-e3f5a7c9e1f3',
} as const;

/** A name in English, as the API gives it. */
const en = (text: string) => ({ text, language: 'en', fallback: false });

/**
 * The preview `POST /api/frameworks/imports` answers for the OECD Moodle fixture,
 * as a first import (no `existing`); pass overrides for a new version or an identical file.
 */
export function oecdImportPreview(overrides: Partial<FrameworkImportPreview> = {}): FrameworkImportPreview {
  return {
    id: IMPORT_FIXTURE_IDS.importId,
    format: 'moodle-csv',
    fileName: 'oecd-core-competencies.csv',
    status: 'previewed',
    createdAt: '2026-11-22T09:30:00.000Z',
    framework: {
      key: 'moodle:OECD-CORE',
      code: 'OECD-CORE',
      name: en('OECD'),
      versionLabel: '1',
      defaultLanguage: 'en',
      languages: ['en'],
    },
    counts: { competencies: 15, levels: 45, indicators: 170, questions: 0 },
    warnings: [{ severity: 'warning', message: 'Rule type is ignored', location: 'row 4, column 8 (Rule type (optional))' }],
    dataQualityWarnings: [
      {
        code: 'truncated-text',
        message: 'The text ends mid-sentence',
        location: '/competencies/2/levels/0/indicators/3',
        competencyKey: 'S-DT',
        level: 1,
      },
    ],
    proposedVersionNumber: 1,
    scale: {
      name: en('Competency scale: OECD'),
      levelCount: 3,
      placeholder: false,
      keptFromLatest: false,
    },
    commitRequires: [],
    ...overrides,
  };
}

/** Nothing lost: every count 0 (a copy, free to change). */
export function noContentLoss(): FrameworkContentLoss {
  return { ...NO_CONTENT_LOSS, languages: [], frameworkFields: [] };
}

/** The existing framework the OECD file is a new version of (its latest version is v2). */
export function oecdExisting(
  overrides: Partial<NonNullable<FrameworkImportPreview['existing']>> = {},
): NonNullable<FrameworkImportPreview['existing']> {
  return {
    frameworkId: IMPORT_FIXTURE_IDS.frameworkId,
    latestVersionId: IMPORT_FIXTURE_IDS.latestVersionId,
    latestVersionNumber: 2,
    code: 'OECD-CORE',
    name: en('OECD'),
    unchanged: false,
    loss: noContentLoss(),
    similarity: { title: 1, items: 0.9, similar: true },
    ...overrides,
  };
}

/** The same file imported again after a change: it becomes version 3 of the existing framework. */
export function oecdNewVersionPreview(): FrameworkImportPreview {
  return oecdImportPreview({ existing: oecdExisting(), proposedVersionNumber: 3 });
}

/**
 * The OECD file again, as a Moodle export of a richer version 2: version 3 would lose its level descriptions,
 * indicators, French translations and licence, so the commit must accept the loss.
 */
export function oecdLossyPreview(): FrameworkImportPreview {
  return oecdImportPreview({
    existing: oecdExisting({
      loss: {
        ...noContentLoss(),
        levelDescriptions: 672,
        indicators: 1,
        translations: 30,
        languages: ['fr'],
        frameworkFields: ['licence', 'attribution'],
        total: 705,
      },
    }),
    proposedVersionNumber: 3,
    commitRequires: ['acceptContentLoss'],
  });
}

export function oecdCommitResult(overrides: Partial<FrameworkImportCommitResult> = {}): FrameworkImportCommitResult {
  return {
    importId: IMPORT_FIXTURE_IDS.importId,
    frameworkVersionId: IMPORT_FIXTURE_IDS.committedVersionId,
    versionNumber: 3,
    created: true,
    ...overrides,
  };
}

/** The 422 the API answers for a Moodle file with missing columns and a cycle. */
export function importInvalidProblem(): ProblemDetails {
  return {
    type: 'urn:proficio:problem:import-invalid',
    title: 'The file cannot be imported',
    status: 422,
    detail: 'broken.csv is not a valid moodle-csv file: 2 errors.',
    errors: [
      { field: 'row 1', message: 'has 10 columns; the Moodle format has 14' },
      { field: 'row 12, column 1 (Parent id number)', message: 'makes a cycle: a → b → a' },
    ],
    warnings: [{ field: 'file', message: 'The file is not UTF-8; it was read as Windows-1252.' }],
  };
}

/** A CASE package in English of `competencies` competencies without levels, indicators or questions, with nothing to warn of. */
function casePreview(
  file: { fileName: string; key: string; code: string; name: string; versionLabel: string; competencies: number },
  overrides: Partial<FrameworkImportPreview> = {},
): FrameworkImportPreview {
  return oecdImportPreview({
    format: 'case',
    fileName: file.fileName,
    framework: {
      key: file.key,
      code: file.code,
      name: en(file.name),
      versionLabel: file.versionLabel,
      defaultLanguage: 'en',
      languages: ['en'],
    },
    counts: { competencies: file.competencies, levels: 0, indicators: 0, questions: 0 },
    warnings: [],
    dataQualityWarnings: [],
    ...overrides,
  });
}

/**
 * A CASE test package that carries the identifier of the framework "Map skills" (MS, v1) but shares nothing else
 * with it: the commit must say whether it is a new version or a new framework, and a new version would lose content.
 */
export function sharedIdentifierPreview(): FrameworkImportPreview {
  return casePreview(
    {
      fileName: 'item-types.json',
      key: 'c0000000-0000-4000-8000-000000000000',
      code: 'ITT',
      name: 'Item types test',
      versionLabel: '',
      competencies: 2,
    },
    {
      existing: oecdExisting({
        latestVersionNumber: 1,
        code: 'MS',
        name: en('Map skills'),
        similarity: { title: 0, items: 0.1, similar: false },
        loss: { ...noContentLoss(), competencies: 3, total: 3 },
      }),
      proposedVersionNumber: 2,
      commitRequires: ['target', 'acceptContentLoss'],
    },
  );
}

/** A CASE document without items, under an identifier nothing has yet. */
export function emptyPreview(): FrameworkImportPreview {
  return casePreview(
    {
      fileName: 'empty.json',
      key: 'e0000000-0000-4000-8000-000000000000',
      code: 'ETD',
      name: 'Empty test document',
      versionLabel: '',
      competencies: 0,
    },
    { commitRequires: ['acceptEmpty'] },
  );
}

/** A CASE package whose competencies have no levels: a one-level placeholder scale nobody can be rated on. */
export function levelLessPreview(): FrameworkImportPreview {
  return casePreview(
    {
      fileName: 'map-skills.json',
      key: 'f0000000-0000-4000-8000-000000000000',
      code: 'MS',
      name: 'Map skills',
      versionLabel: 'unversioned',
      competencies: 2,
    },
    {
      scale: {
        name: en('Map skills: levels'),
        levelCount: 1,
        placeholder: true,
        keptFromLatest: false,
      },
    },
  );
}
