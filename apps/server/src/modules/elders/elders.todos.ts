import type { ModuleRuntime } from '../../platform/module/module-definition';
import { can, type TodoItem, type TodoSource } from '../../platform/workbench/todo-source';
import { createRegionsService } from '../regions/index';
import { createElderChangesService } from './elder-changes.service';
import { createElderImportService } from './elder-import.service';

/** A finished import stays on the workbench this long: the error workbook is then old news. */
const IMPORT_ATTENTION_DAYS = 7;

/** 工作台 items of the elders module: change requests to decide, imports to fix. */
export function elderTodos({ database, cipher, jobs }: ModuleRuntime): TodoSource {
  const changes = createElderChangesService(database.db, createRegionsService(database.db));
  const imports = createElderImportService(database.db, cipher, jobs);
  return {
    titles: {
      'elder_change_requests.pending': {
        'zh-CN': '待审核的老人信息变更',
        en: 'Elder record changes to decide',
      },
      'elder_imports.failed': {
        'zh-CN': '有失败行的导入（近 7 天）',
        en: 'Imports with failed rows (last 7 days)',
      },
    },
    async items(user) {
      const items: TodoItem[] = [];
      if (can(user, 'elders:approve'))
        items.push({
          kind: 'elder_change_requests.pending',
          count: await changes.countDecidable(user),
          link: '/elder-changes?status=pending',
          severity: 'warning',
        });
      if (can(user, 'elders:write')) {
        const since = new Date(Date.now() - IMPORT_ATTENTION_DAYS * 24 * 3600 * 1000);
        items.push({
          kind: 'elder_imports.failed',
          count: await imports.countUnresolved(user, since),
          link: '/elders/import',
          severity: 'danger',
        });
      }
      return items;
    },
  };
}
