import { defineModule } from '../../platform/module/module-definition';
import { SETTINGS_ERRORS } from './settings.errors';
export { createSettingsService, settingFor, type SettingsService } from './settings.service';
export { settingsRoutes } from './settings.routes';
export { SETTINGS_ERRORS } from './settings.errors';
/** Region settings hold no personal data: whoever reads the audit log sees their changes. */
export const SETTINGS_AUDIT_ENTITIES = { region_setting: 'audit:read' } as const;

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const settingsModule = defineModule({
  name: 'settings',
  errors: SETTINGS_ERRORS,
  auditEntities: SETTINGS_AUDIT_ENTITIES,
});
