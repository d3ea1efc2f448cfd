import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The dependency direction of docs/design.md is enforced by ESLint rules; this proves they bite. */
const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('module dependency direction', () => {
  it.each([
    [
      'a module reaching into another module’s service',
      'apps/server/src/modules/users/users.service.ts',
      "import { x } from '../auth/auth.service';",
    ],
    [
      'routes reaching past the service to the tables',
      'apps/server/src/modules/users/users.routes.ts',
      "import { users } from './users.tables';",
    ],
    [
      'the platform importing a domain module',
      'apps/server/src/platform/audit/audit-writer.ts',
      "import { x } from '../../modules/users/index';",
    ],
    [
      'the domain package doing I/O',
      'packages/domain/src/region/region-code.ts',
      "import { readFileSync } from 'node:fs';",
    ],
    [
      'the domain package importing the server',
      'packages/domain/src/index.ts',
      "import { x } from '@yiyang/server';",
    ],
    [
      'the web app importing server code',
      'apps/web/src/App.tsx',
      "import { buildApp } from '../../server/src/app';",
    ],
    [
      'a tables file importing another module’s service',
      'apps/server/src/modules/auth/auth.tables.ts',
      "import { x } from '../users/users.service';",
    ],
  ])('rejects %s', async (_name, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const y = x;\n`)).not.toEqual([]);
  });

  it.each([
    [
      'another module through its index',
      'apps/server/src/modules/auth/auth.service.ts',
      "import { x } from '../users/index';",
    ],
    [
      'the platform from a module',
      'apps/server/src/modules/users/users.service.ts',
      "import { x } from '../../platform/db/database';",
    ],
    [
      'another module’s table for a foreign key',
      'apps/server/src/modules/auth/auth.tables.ts',
      "import { x } from '../users/users.tables';",
    ],
  ])('allows %s', async (_name, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const y = x;\n`)).toEqual([]);
  });
});
