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
 * adds its files instead of editing the shared ones. The sign-in page's are in the first download;
 * every other screen's arrive with the screen (`loadTexts`, called by its lazy import in App.tsx),
 * so the first download stays small.
 */
const signInSections = import.meta.glob<Record<string, unknown>>('./locales/oidc.*.json', {
  eager: true,
  import: 'default',
});
const screenSections = import.meta.glob<Record<string, unknown>>(['./locales/*.*.json', '!./locales/oidc.*.json'], {
  import: 'default',
});
const SECTION_FILE = /\/([a-z-]+)\.(th|en)\.json$/;

function withSections(base: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const merged = { ...base };
  for (const [path, texts] of Object.entries(signInSections)) {
    const match = SECTION_FILE.exec(path);
    if (!match || match[2] !== lang) continue;
    if (match[1] in merged)
      throw new Error(`locales/${match[1]}.${lang}.json repeats a section of locales/${lang}.json`);
    merged[match[1]] = texts;
  }
  return merged;
}

/** Adds the texts of these screens' sections, in both languages, before the screen renders. */
export async function loadTexts(...sections: string[]): Promise<void> {
  await Promise.all(
    Object.entries(screenSections).map(async ([path, load]) => {
      const match = SECTION_FILE.exec(path);
      if (!match || !sections.includes(match[1])) return;
      i18next.addResourceBundle(match[2], 'translation', { [match[1]]: await load() }, true, true);
    }),
  );
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
