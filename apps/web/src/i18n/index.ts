import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'yiyang.lang';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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
