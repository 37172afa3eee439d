/**
 * Proves that the module-boundary rules in eslint.config.mjs bite: each probe
 * is linted as if it were a file of the named project, the way `npm run lint`
 * lints it, and must be reported by @nx/enforce-module-boundaries. Web and API
 * probes take the path of an existing file: their type-aware rules need one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..', '..');

interface LintResult {
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

// The ESLint CLI, as `nx lint` runs it (the flat config is ESM, which jest's VM cannot load).
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = spawnSync(
    join(workspaceRoot, 'node_modules', '.bin', 'eslint'),
    ['--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: workspaceRoot, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (eslint.status === 2 || !eslint.stdout) throw new Error(`eslint failed: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as LintResult[];
  // A probe that does not parse would report nothing, and an "allows" case would pass for the wrong reason.
  const fatal = result?.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`eslint could not parse the probe as ${filePath}: ${fatal.message}`);
  return (result?.messages ?? []).filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message);
}

describe('module boundaries', () => {
  it.each([
    ['the web importing NestJS', 'apps/web/src/app/app.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
    ['the web importing typeorm', 'apps/web/src/app/app.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n"],
    [
      'a shared lib importing typeorm',
      'libs/shared/competency/src/probe.ts',
      "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
    ],
    [
      'a shared lib importing Angular',
      'libs/shared/contracts/src/probe.ts',
      "import { Component } from '@angular/core';\nexport const x = Component;\n",
    ],
    ['the api importing Angular', 'apps/api/src/main.ts', "import { Component } from '@angular/core';\nexport const x = Component;\n"],
    [
      'contracts importing domain logic',
      'libs/shared/contracts/src/probe.ts',
      "import * as domain from '@proficio/shared/competency';\nexport const x = domain;\n",
    ],
  ])('rejects %s', async (_name, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'the web importing the contracts',
      'apps/web/src/app/app.ts',
      "import { ApiRoutes } from '@proficio/shared/contracts';\nexport const x = ApiRoutes;\n",
    ],
    [
      'the api importing NestJS and the contracts',
      'apps/api/src/main.ts',
      "import { Injectable } from '@nestjs/common';\nimport { ApiRoutes } from '@proficio/shared/contracts';\nexport const x = [Injectable, ApiRoutes];\n",
    ],
  ])('allows %s', async (_name, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
