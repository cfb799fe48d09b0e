// UI language: English, Spanish or Arabic, chosen per user and remembered on this device. Arabic
// switches the whole document to right-to-left (<html dir="rtl" lang="ar">); the layout uses CSS
// logical properties, so nothing else has to know.
import en from './en.js';
import es from './es.js';
import ar from './ar.js';

export const LANGUAGES = Object.freeze([
  { code: 'en', name: 'English', dir: 'ltr', strings: en },
  { code: 'es', name: 'Español', dir: 'ltr', strings: es },
  { code: 'ar', name: 'العربية', dir: 'rtl', strings: ar },
]);

let current = LANGUAGES[0];
const listeners = new Set();

/** The translated string for `key`, with {placeholders} filled from `params`. */
export function t(key, params) {
  const template = current.strings[key] ?? en[key] ?? key;
  return params ? template.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : template;
}

/** A user-facing sentence for a PeerRoomsError (or any error with a `code`). */
export function errorText(error) {
  const code = error?.code;
  const key = `error.${code}`;
  return code && (key in current.strings || key in en) ? t(key) : t('error.generic', { code: code ?? error?.message ?? '?' });
}

export function language() { return current.code; }

/** Switches the UI language and the document's lang/dir; listeners re-render. */
export function setLanguage(code, doc = globalThis.document) {
  current = LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
  if (doc) {
    doc.documentElement.lang = current.code;
    doc.documentElement.dir = current.dir;
  }
  for (const listener of listeners) listener(current.code);
}

export function onLanguageChange(listener) { listeners.add(listener); return () => listeners.delete(listener); }

/** The best initial language: saved for this user, else the browser's, else English. */
export function preferredLanguage(saved, navigatorLanguages = globalThis.navigator?.languages ?? []) {
  if (LANGUAGES.some((l) => l.code === saved)) return saved;
  for (const tag of navigatorLanguages) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES.some((l) => l.code === base)) return base;
  }
  return 'en';
}

/**
 * Like t(), but placeholders may be DOM nodes (e.g. a <bdi> around a user's name): returns the
 * parts in the translation's own order, for h() to append.
 */
export function tParts(key, nodes) {
  const template = current.strings[key] ?? en[key] ?? key;
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return m && m[1] in nodes ? nodes[m[1]] : part;
  });
}
