/** The API is served under this prefix; the web app calls it on the same origin. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: `/${API_PREFIX}/health`,
  docs: `/${API_PREFIX}/docs`,
  docsJson: `/${API_PREFIX}/docs-json`,
  frameworks: `/${API_PREFIX}/frameworks`,
  framework: (id: string) => `/${API_PREFIX}/frameworks/${encodeURIComponent(id)}`,
  frameworkExport: (id: string, format: string) => `/${API_PREFIX}/frameworks/${encodeURIComponent(id)}/export?format=${encodeURIComponent(format)}`,
  frameworkImports: `/${API_PREFIX}/frameworks/imports`,
  frameworkImport: (id: string) => `/${API_PREFIX}/frameworks/imports/${encodeURIComponent(id)}`,
  frameworkImportCommit: (id: string) => `/${API_PREFIX}/frameworks/imports/${encodeURIComponent(id)}/commit`,
  competencies: `/${API_PREFIX}/competencies`,
  competency: (id: string) => `/${API_PREFIX}/competencies/${encodeURIComponent(id)}`,
} as const;
