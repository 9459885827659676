import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import th from './locales/th.json';
import type { Lang } from './format';

const STORED = 'ruamjai.lang';

export function initialLang(): Lang {
  return localStorage.getItem(STORED) === 'en' ? 'en' : 'th';
}

void i18next.use(initReactI18next).init({
  resources: { th: { translation: th }, en: { translation: en } },
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
