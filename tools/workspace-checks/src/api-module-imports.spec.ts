/**
 * Proves that API feature modules can only meet through their index.ts: the
 * no-restricted-imports rule in eslint.config.mjs reports a deep import into
 * another module and lets the index import through. Each probe is linted as
 * if it were the text of an existing file (type-aware rules need a real path).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..', '..');

function restrictedImports(filePath: string, code: string): string[] {
  const eslint = spawnSync(
    join(workspaceRoot, 'node_modules', '.bin', 'eslint'),
    [
      '--stdin',
      '--stdin-filename',
      filePath,
      '--format',
      'json',
      '--rule',
      '{"@typescript-eslint/no-floating-promises":"off","@typescript-eslint/no-misused-promises":"off"}',
    ],
    { cwd: workspaceRoot, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (eslint.status === 2 || !eslint.stdout) throw new Error(`eslint failed: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string | null; message: string; fatal?: boolean }[] }[];
  const fatal = result?.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`eslint could not parse the probe: ${fatal.message}`);
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('API module imports', () => {
  it.each([
    [
      'a service file of another module',
      'apps/api/src/teams/team-write.service.ts',
      "import { AuditService } from '../audit/audit.service';\nexport const probe = AuditService;\n",
    ],
    [
      'from a dto folder, two levels up',
      'apps/api/src/teams/dto/team.dto.ts',
      "import { AccessService } from '../../access/access.service';\nexport const probe = AccessService;\n",
    ],
  ])('refuses %s', (_name, filePath, code) => {
    expect(restrictedImports(filePath, code)).toEqual([expect.stringContaining('through its index.ts')]);
  });

  it.each([
    [
      'the other module through its index',
      'apps/api/src/teams/team-write.service.ts',
      "import { AuditService } from '../audit';\nexport const probe = AuditService;\n",
    ],
    [
      'the toolbox by path',
      'apps/api/src/teams/team-write.service.ts',
      "import { sql } from '../common/sql';\nexport const probe = sql;\n",
    ],
    [
      'its own files',
      'apps/api/src/teams/team-write.service.ts',
      "import { teamSnapshot } from './team.snapshot';\nexport const probe = teamSnapshot;\n",
    ],
    [
      'entity files from the database folder',
      'apps/api/src/database/data-source-options.ts',
      "import { UserEntity } from '../auth/user.entities';\nexport const probe = UserEntity;\n",
    ],
  ])('allows %s', (_name, filePath, code) => {
    expect(restrictedImports(filePath, code)).toEqual([]);
  });
});
