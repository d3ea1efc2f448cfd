import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MODULES } from '../modules';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'yiyang.lang';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);

/**
 * One i18next namespace per module beside the shared `core` one. Keys keep their full path
 * ("elders.title"), so a page translates another module's words (the directory shows provider
 * kinds) without naming the namespace: a key missing from `core` is looked up in each module's.
 */
const modules = MODULES.map((m) => m.name);
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { core: zhCN, ...Object.fromEntries(MODULES.map((m) => [m.name, m.messages['zh-CN']])) },
    en: { core: en, ...Object.fromEntries(MODULES.map((m) => [m.name, m.messages.en])) },
  },
  ns: ['core', ...modules],
  defaultNS: 'core',
  fallbackNS: modules,
  lng: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
