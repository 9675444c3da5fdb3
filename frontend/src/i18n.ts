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

/**
 * Messages of screens whose strings would push the first download over its budget: loaded with the screen (see
 * `withMessages`), merged into the same `translation` namespace, in every language used meanwhile. One bundle per
 * screen family; a key that anything outside those screens shows (menu, shell, home, shared components, error pages)
 * stays in the main files — locales.test.ts checks both by scanning the sources.
 */
const BUNDLES = {
  // what screens of any family share but the shell does not show: form buttons, validation, save errors, history
  // tables, the public pages' frame. Every screen loads it (withMessages).
  screens: {
    'zh-CN': () => import('./locales/screens/zh-CN.json'),
    en: () => import('./locales/screens/en.json'),
  },
  // the feedback item's topics, marks, common issues, forwardings and the year report
  analysis: {
    'zh-CN': () => import('./locales/analysis/zh-CN.json'),
    en: () => import('./locales/analysis/en.json'),
  },
  // applications and contracts (each screen shows the other's), also on the public form and status page
  applications: {
    'zh-CN': () => import('./locales/applications/zh-CN.json'),
    en: () => import('./locales/applications/en.json'),
  },
  // the customer ledger: list, overview, detail with certifications, form
  customers: {
    'zh-CN': () => import('./locales/customers/zh-CN.json'),
    en: () => import('./locales/customers/en.json'),
  },
  // the public directory of certified organisations and the certificate check (no login)
  directory: {
    'zh-CN': () => import('./locales/directory/zh-CN.json'),
    en: () => import('./locales/directory/en.json'),
  },
  // the document register, the public document list
  documents: {
    'zh-CN': () => import('./locales/documents/zh-CN.json'),
    en: () => import('./locales/documents/en.json'),
  },
  // the feedback inbox, item and form; the analysis screens name kinds, channels and departments from it
  feedback: {
    'zh-CN': () => import('./locales/feedback/zh-CN.json'),
    en: () => import('./locales/feedback/en.json'),
  },
  // satisfaction surveys: campaigns, dispatches, phone/fax answers, questionnaires, and the public survey page
  surveys: {
    'zh-CN': () => import('./locales/surveys/zh-CN.json'),
    en: () => import('./locales/surveys/en.json'),
  },
  // the customer ledger import
  import: {
    'zh-CN': () => import('./locales/import/zh-CN.json'),
    en: () => import('./locales/import/en.json'),
  },
} satisfies Record<string, Record<Language, () => Promise<{ default: object }>>>;
export type Bundle = keyof typeof BUNDLES;
/** The bundle every screen loaded through withMessages gets besides its own. */
export const SCREEN_BUNDLE: Bundle = 'screens';
const wanted = new Set<Bundle>();
const loaded = new Map<string, Promise<void>>();

function loadBundle(bundle: Bundle, language: Language): Promise<void> {
  const key = `${bundle}:${language}`;
  let done = loaded.get(key);
  if (!done) {
    done = BUNDLES[bundle][language]().then((m) => {
      i18n.addResourceBundle(language, 'translation', m.default, true, true);
    });
    done.catch(() => loaded.delete(key));
    loaded.set(key, done);
  }
  return done;
}

/**
 * Loads a screen's message bundles, and the one all screens share, (its language and zh-CN, the fallback) before the
 * screen renders: the screen's promise resolves only once all are in, so a lazy route never shows raw keys. Later
 * language switches load them too.
 */
export function withMessages<T>(bundles: Bundle | readonly Bundle[], screen: Promise<T>): Promise<T> {
  const list: readonly Bundle[] = [...new Set([SCREEN_BUNDLE, ...(typeof bundles === 'string' ? [bundles] : bundles)])];
  list.forEach((b) => wanted.add(b));
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const messages = list.flatMap((b) => [loadBundle(b, 'zh-CN'), loadBundle(b, language)]);
  return Promise.all([screen, ...messages]).then(([s]) => s);
}

async function load(language: Language): Promise<void> {
  if (language === 'en' && !antdLocales.en) {
    const [messages, antd] = await Promise.all([import('./locales/en.json'), import('antd/es/locale/en_US')]);
    i18n.addResourceBundle('en', 'translation', messages.default, true, true);
    antdLocales.en = antd.default;
  }
  await Promise.all([...wanted].map((b) => loadBundle(b, language)));
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
