import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a reviewed SQL migration from the *.tables.ts files. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./apps/server/src/platform/**/*.tables.ts', './apps/server/src/modules/**/*.tables.ts'],
  out: './apps/server/migrations',
  casing: 'snake_case',
});
