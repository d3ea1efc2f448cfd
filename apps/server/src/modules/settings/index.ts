export { createSettingsService, settingFor, type SettingsService } from './settings.service';
export { settingsRoutes } from './settings.routes';
export { SETTINGS_ERRORS } from './settings.errors';
