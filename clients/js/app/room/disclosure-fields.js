// Safe disclosure in the UI: the join screen's "what you share, and with whom" fields (each
// attribute with its own audience), how shared attributes show in the roster, and the composer's
// audience and content-warning choices. Used only when features.disclosure is on.
import { h, field, userText, uid } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { ATTRIBUTE_AUDIENCES, SENSITIVE_TOPICS } from '../../src/index.js';

const FIELDS = [
  { kind: 'pronouns', label: 'disclosure.pronouns', input: { maxlength: 40, autocomplete: 'off' } },
  { kind: 'identity-tag', label: 'disclosure.identityTags', input: { maxlength: 200 }, many: true },
  { kind: 'preferred-language', label: 'disclosure.preferredLanguage', input: { maxlength: 20 } },
  { kind: 'in-recovery-since', label: 'disclosure.inRecoverySince', input: { type: 'month' } },
];

/**
 * The join screen's disclosure fieldset. `state` is { [kind]: { value, audience } } and is updated
 * as the person types, so re-rendering keeps their choices.
 */
export function renderDisclosureFields(state) {
  return FIELDS.map((f) => {
    const entry = (state[f.kind] ??= { value: '', audience: 'facilitators' });
    const input = h('input', { name: f.kind, dir: 'auto', value: entry.value, ...f.input, onInput: (e) => { entry.value = e.target.value; } });
    const audienceId = uid('aud');
    const audience = h('select', { id: audienceId, name: `${f.kind}-audience`, onChange: (e) => { entry.audience = e.target.value; } },
      ATTRIBUTE_AUDIENCES.map((a) => h('option', { value: a, selected: a === entry.audience }, t(`audience.${a}`))));
    return h('div', { class: 'disclosure-row' }, field(t(f.label), input),
      h('div', { class: 'field' }, h('label', { for: audienceId }, t('disclosure.audience')), audience));
  });
}

/** The attributes to send with JoinRoom / SetAttributes (empty values left out). */
export function attributesFrom(state) {
  const out = [];
  for (const f of FIELDS) {
    const entry = state[f.kind];
    if (!entry?.value?.trim()) continue;
    const values = f.many ? entry.value.split(',').map((v) => v.trim()).filter(Boolean) : [entry.value.trim()];
    for (const value of values) out.push({ kind: f.kind, value, audience: entry.audience });
  }
  return out;
}

/** What someone shared, as shown next to their name in the roster. */
export function renderAttributes(attributes) {
  if (!attributes?.length) return null;
  return h('span', { class: 'attributes' }, attributes.map((a) => {
    if (a.kind === 'pronouns') return h('span', { class: 'pronouns' }, '(', userText(a.value), ')');
    if (a.kind === 'in-recovery-since') return h('span', { class: 'meta' }, t('room.recoverySince', { date: a.value }));
    return h('span', { class: 'badge' }, userText(a.value));
  }));
}

/** The composer's audience select and content-warning topics; `state` is { audience, topics: Set }. */
export function renderComposerDisclosure(state) {
  const audienceId = uid('send-aud');
  return h('div', { class: 'composer-options' },
    h('div', { class: 'inline-field' }, h('label', { for: audienceId }, t('composer.audience')),
      h('select', { id: audienceId, name: 'audience', onChange: (e) => { state.audience = e.target.value; } },
        ['everyone', 'facilitators'].map((a) => h('option', { value: a, selected: a === state.audience }, t(`composer.audience.${a}`))))),
    h('details', { class: 'cw-picker' }, h('summary', null, t('composer.cwAdd')),
      h('div', { class: 'topics' }, SENSITIVE_TOPICS.map((topic) => h('label', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'topic', value: topic, checked: state.topics.has(topic),
          onChange: (e) => { if (e.target.checked) state.topics.add(topic); else state.topics.delete(topic); } }),
        ' ', t(`topic.${topic}`))))));
}
