// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The module dependency direction of docs/design.md, enforced as import restrictions. */
const noCrossModuleInternals = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$)[^/]+$',
  message: 'Another module is used only through its index.ts.',
};
/** Foreign keys need the other module's table object: tables may import tables, nothing else. */
const tablesOnlyFromOtherModules = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$)(?![^/]+\\.tables$)[^/]+$',
  message: 'A tables file may reference another module’s tables, nothing else of it.',
};
const noServerOrWeb = {
  group: ['**/apps/server/**', '**/apps/web/**', '@yiyang/server', '@yiyang/web'],
  message: 'Packages are used by the apps, never the other way round.',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/migrations/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noServerOrWeb,
            { group: ['@yiyang/contracts'], message: 'domain depends on nothing of ours.' },
            {
              group: ['node:*', 'fs', 'path', 'pg', 'drizzle-orm*', 'fastify*'],
              message: 'domain is pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerOrWeb] }] },
  },
  {
    files: ['apps/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/modules/**'], message: 'platform knows no domain module.' },
            { group: ['**/apps/web/**', '@yiyang/web'], message: 'The server never imports the web app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: [
      'apps/server/src/modules/**/*.routes.ts',
      'apps/server/src/modules/**/*.tables.ts',
      'apps/server/src/modules/**/index.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noCrossModuleInternals,
            { group: ['./*.routes'], message: 'Routes depend on services, not the other way round.' },
            { group: ['**/apps/web/**', '@yiyang/web'], message: 'The server never imports the web app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noCrossModuleInternals] }] },
  },
  {
    files: ['apps/server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noCrossModuleInternals,
            { group: ['./*.tables', './*.repo'], message: 'Routes are thin: go through the service.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.tables.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            tablesOnlyFromOtherModules,
            {
              group: ['./*.service', './*.routes', './*.repo'],
              message: 'Tables depend on nothing above them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(src|test)(/|$)|^@yiyang/server',
              message: 'The web app talks to the server only over HTTP.',
            },
          ],
        },
      ],
    },
  },
);
