// Who is here: pseudonyms (isolated for any script), role, and lobby status. Facilitators get a
// per-person actions group here once the facilitator tools land (see facilitator-panel.js).
import { h, userText } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { features } from '../features.js';
import { renderAttributes } from './disclosure-fields.js';

/**
 * @param {import('../../src/index.js').ParticipantView[]} people
 * @param {{ me: string, status?: (p) => any, actions?: (p) => HTMLElement | null }} options
 */
export function renderRoster(people, { me, status, actions }) {
  const sorted = [...people].sort((a, b) => roleRank(a) - roleRank(b) || a.displayName.localeCompare(b.displayName));
  return h('ul', { class: 'roster', role: 'list' }, sorted.map((p) => h('li', { class: 'roster-entry', 'data-participant-id': p.participantId },
    h('span', { class: 'roster-name' }, userText(p.displayName), p.participantId === me ? ` ${t('room.you')}` : null),
    features.disclosure ? renderAttributes(p.attributes) : null,
    p.role !== 'participant' ? h('span', { class: `badge badge-${p.role}` }, t(`role.${p.role}`)) : null,
    p.status === 'lobby' ? h('span', { class: 'badge' }, t('fac.lobbyStatus')) : null,
    status?.(p) ?? null,
    actions?.(p) ?? null)));
}

function roleRank(p) { return p.role === 'facilitator' ? 0 : p.role === 'crisis-staff' ? 1 : 2; }
