// The facilitator's panel beside the chat. Each section belongs to a server feature and shows once
// its flag in features.js is on: lobby (admit/deny), hand queue and share timer, alerts about
// participants at risk, reports, session start/end. The roster with per-person powers is always here.
import { h, userText } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { features } from '../features.js';
import { renderRoster } from './roster-view.js';

/**
 * @param {import('./room-screen.js').RoomScreen} screen
 */
export function renderFacilitatorPanel(screen) {
  const people = [...screen.roster.values()];
  const waiting = people.filter((p) => p.status === 'lobby');
  return h('section', { class: 'panel facilitator-panel', 'aria-labelledby': 'fac-h' },
    h('h2', { id: 'fac-h' }, t('fac.panel')),
    features.sessionControls ? section('fac.session', null) : null,
    features.lobbyControls ? section('fac.lobby', waiting.length === 0 ? h('p', null, t('fac.lobbyEmpty')) :
      h('ul', { role: 'list' }, waiting.map((p) => h('li', null, userText(p.displayName))))) : null,
    features.crisis ? section('fac.alerts', h('p', null, t('fac.alertsEmpty'))) : null,
    features.raiseHand ? section('fac.hands', h('p', null, t('fac.handsEmpty'))) : null,
    features.reports ? section('fac.reports', h('p', null, t('fac.reportsEmpty'))) : null,
    section('fac.roster', renderRoster(people, { me: screen.me.participantId, actions: (p) => participantActions(screen, p) })));
}

function section(titleKey, content) {
  return h('section', { class: 'panel-section' }, h('h3', null, t(titleKey)), content);
}

/** Per-person powers (facilitator tools feature): mute, remove, ban… */
function participantActions(screen, p) {
  if (!features.moderation || p.participantId === screen.me.participantId) return null;
  return h('div', { class: 'roster-actions', role: 'group', 'aria-label': t('fac.actionsFor', { name: p.displayName }) });
}
