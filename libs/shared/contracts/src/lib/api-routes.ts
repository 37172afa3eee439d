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
  authConfig: `/${API_PREFIX}/auth/config`,
  signIn: `/${API_PREFIX}/auth/sign-in`,
  refresh: `/${API_PREFIX}/auth/refresh`,
  signOut: `/${API_PREFIX}/auth/sign-out`,
  password: `/${API_PREFIX}/auth/password`,
  me: `/${API_PREFIX}/me`,
  teams: `/${API_PREFIX}/teams`,
  auditEvents: `/${API_PREFIX}/audit-events`,
  employees: `/${API_PREFIX}/employees`,
  employee: (id: string) => `/${API_PREFIX}/employees/${encodeURIComponent(id)}`,
  employeeReports: (id: string) => `/${API_PREFIX}/employees/${encodeURIComponent(id)}/reports`,
  competencies: `/${API_PREFIX}/competencies`,
  competency: (id: string) => `/${API_PREFIX}/competencies/${encodeURIComponent(id)}`,
} as const;
