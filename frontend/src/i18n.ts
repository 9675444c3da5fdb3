import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from 'antd/es/locale';
import zhCNAntd from 'antd/es/locale/zh_CN';
import zhCN from './locales/zh-CN.json';

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'certcare.language';

/** antd's own texts per language; English ones load with the English messages, on first use. */
const antdLocales: Partial<Record<Language, Locale>> = { 'zh-CN': zhCNAntd };

export function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' ? 'en' : 'zh-CN';
}

async function load(language: Language): Promise<void> {
  if (language === 'en' && !antdLocales.en) {
    const [messages, antd] = await Promise.all([import('./locales/en.json'), import('antd/es/locale/en_US')]);
    i18n.addResourceBundle('en', 'translation', messages.default, true, true);
    antdLocales.en = antd.default;
  }
}

export function antdLocale(language: string): Locale {
  return antdLocales[language as Language] ?? zhCNAntd;
}

/** Ready when the saved language's messages are in: main.tsx waits for it before the first render. */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => changeLanguage(initialLanguage(), false));

/** One switch: our messages, dayjs, and (through App's ConfigProvider) antd. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  await load(language);
  if (remember) {
    localStorage.setItem(STORAGE_KEY, language);
  }
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
