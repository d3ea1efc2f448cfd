import type { TestProject } from 'vitest/node';
import {
  buildPgliteTemplate,
  buildPostgresTemplate,
  templateKey,
  type BuiltTemplate,
} from './template-database';

/**
 * Once per run and server project: builds (on PGlite: finds, if an earlier run built it) the
 * template database every test file copies (template-database.ts), hands its location to the
 * files, and drops it when the run ends. A watch run rebuilds it when the migrations change.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const build = () =>
    project.config.env.TEST_DB === 'postgres' && adminUrl
      ? buildPostgresTemplate(adminUrl)
      : buildPgliteTemplate();
  let built: BuiltTemplate = await build();
  project.provide('testTemplate', built.template);
  project.onTestsRerun(async () => {
    if ((await templateKey()) === built.key) return;
    await built.remove();
    built = await build();
    project.provide('testTemplate', built.template);
  });
  return () => built.remove();
}
