import type { ModuleRuntime } from '../../platform/module/module-definition';
import { can, type TodoItem, type TodoSource } from '../../platform/workbench/todo-source';
import { createRegionsService } from '../regions/index';
import { createProviderChangesService } from './provider-changes.service';
import { createProvidersService } from './providers.service';
import { createStaffService } from './staff.service';

/** 工作台 items of the providers module: filing changes to confirm, certificates to renew. */
export function providerTodos({ database, cipher }: ModuleRuntime): TodoSource {
  const regions = createRegionsService(database.db);
  const providers = createProvidersService(database.db, regions);
  const changes = createProviderChangesService(database.db, regions, providers);
  const staff = createStaffService(database.db, cipher, providers);
  return {
    titles: {
      'provider_change_requests.pending': {
        'zh-CN': '待确认的机构备案变更',
        en: 'Provider filing changes to confirm',
      },
      'staff_certificates.expiring': {
        'zh-CN': '已过期或 30 天内到期的护理员证书',
        en: 'Staff certificates expired or expiring within 30 days',
      },
    },
    async items(user) {
      const items: TodoItem[] = [];
      if (can(user, 'providers:approve'))
        items.push({
          kind: 'provider_change_requests.pending',
          count: await changes.countDecidable(user),
          link: '/provider-changes',
          severity: 'warning',
        });
      // Renewing a certificate is recorded by whoever keeps the staff records: readers only
      // (caregivers, inspectors, community workers) have nothing to do about it.
      if (can(user, 'providers:write')) {
        const alerts = await staff.alerts(user, {});
        items.push({
          kind: 'staff_certificates.expiring',
          count: alerts.length,
          link: '/staff-certificates',
          severity: alerts.some((a) => a.alert === 'expired') ? 'danger' : 'warning',
        });
      }
      return items;
    },
  };
}
