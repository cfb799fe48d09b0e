import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../app/i18n/en.js';
import es from '../app/i18n/es.js';
import ar from '../app/i18n/ar.js';
import { t, tParts, setLanguage, errorText, preferredLanguage, LANGUAGES } from '../app/i18n/i18n.js';
import { ERROR_CODES, CLIENT_ERROR_CODES, PeerRoomsError } from '../src/index.js';

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Spanish and Arabic have every English string, with the same placeholders', () => {
  for (const [name, strings] of [['es', es], ['ar', ar]]) {
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(en).sort(), `${name} has the same keys as en`);
    for (const key of Object.keys(en)) assert.deepEqual(placeholders(strings[key]), placeholders(en[key]), `${name} ${key}`);
  }
});

test('every error code has a sentence in every language', () => {
  for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) assert.ok(`error.${code}` in en, `error.${code}`);
});

test('Arabic switches the document to right-to-left; the others are left-to-right', () => {
  const doc = { documentElement: { lang: '', dir: '' } };
  setLanguage('ar', doc);
  assert.deepEqual(doc.documentElement, { lang: 'ar', dir: 'rtl' });
  assert.equal(t('help.button'), 'أحتاج إلى مساعدة الآن');
  setLanguage('es', doc);
  assert.deepEqual(doc.documentElement, { lang: 'es', dir: 'ltr' });
  setLanguage('en', doc);
  assert.deepEqual(LANGUAGES.map((l) => l.code), ['en', 'es', 'ar']);
});

test('placeholders fill in, and nodes keep the translation order', () => {
  setLanguage('en', null);
  assert.equal(t('room.typing.one', { name: 'River' }), 'River is typing…');
  assert.deepEqual(tParts('nav.signedInAs', { user: 'NODE' }), ['Signed in as ', 'NODE']);
  assert.equal(errorText(new PeerRoomsError('display_name_taken', 'x')), en['error.display_name_taken']);
  assert.equal(errorText(new PeerRoomsError('brand_new_code', 'x')), 'Something went wrong (brand_new_code).');
});

test('the initial language: saved choice, else the browser, else English', () => {
  assert.equal(preferredLanguage('ar', ['es-MX']), 'ar');
  assert.equal(preferredLanguage(null, ['fr-FR', 'es-MX']), 'es');
  assert.equal(preferredLanguage('xx', ['de']), 'en');
});
