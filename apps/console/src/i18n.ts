import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import th from './locales/th.json';
import type { Lang } from './format';

const STORED = 'ruamjai.lang';

export function initialLang(): Lang {
  return localStorage.getItem(STORED) === 'en' ? 'en' : 'th';
}

/**
 * A screen's texts may live in their own pair of files, `locales/<section>.th.json` and
 * `locales/<section>.en.json`, read under the key `<section>` (`t('audit.title')`): a new screen
 * adds its files instead of editing the shared ones.
 */
const sections = import.meta.glob<Record<string, unknown>>('./locales/*.*.json', { eager: true, import: 'default' });

function withSections(base: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const merged = { ...base };
  for (const [path, texts] of Object.entries(sections)) {
    const match = /\/([a-z-]+)\.(th|en)\.json$/.exec(path);
    if (!match || match[2] !== lang) continue;
    if (match[1] in merged) throw new Error(`locales/${match[1]}.${lang}.json repeats a section of locales/${lang}.json`);
    merged[match[1]] = texts;
  }
  return merged;
}

void i18next.use(initReactI18next).init({
  resources: { th: { translation: withSections(th, 'th') }, en: { translation: withSections(en, 'en') } },
  lng: initialLang(),
  fallbackLng: 'th',
  interpolation: { escapeValue: false },
});

export function setLang(lang: Lang): void {
  localStorage.setItem(STORED, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export default i18next;
