// The facilitator's panel beside the chat: session start/end, the lobby (admit, turn away), raised
// hands with the share timer, reports, private messages and the roster with each person's powers
// (mute, lobby, remove, ban, private message). Crisis alerts get their section when the crisis
// feature lands (features.crisis). Every button names the person it acts on for screen readers.
import { h, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';
import { features } from '../features.js';
import { renderRoster } from './roster-view.js';
import { renderCheckIns } from './check-ins.js';

const SHARE_LENGTHS = [0, 60, 120, 180, 300];

/**
 * A button that acts on a person: the visible label is short ("Mute"), the accessible name says
 * who ("Mute River"), in the translation's own word order when it has a {name} placeholder.
 */
function personButton(key, name, onClick, cls) {
  const hidden = h('span', { class: 'visually-hidden' }, userText(name));
  const parts = tParts(key, { name: hidden });
  return h('button', { type: 'button', class: ['small', cls], onClick }, parts, parts.includes(hidden) ? null : [' ', hidden]);
}

/** @param {import('./room-screen.js').RoomScreen} screen */
export function renderFacilitatorPanel(screen) {
  const { client, roomId } = screen;
  const state = screen.roomState;
  const people = [...screen.roster.values()];
  return h('section', { class: 'panel facilitator-panel', 'aria-labelledby': 'fac-h' },
    h('h2', { id: 'fac-h' }, t('fac.panel')),
    features.sessionControls ? section('fac.session',
      h('p', null, t('fac.sessionState', { state: t(`fac.state.${state?.session ?? 'idle'}`) })),
      state?.session === 'open'
        ? h('button', { type: 'button', onClick: () => screen.act(() => client.endSession(roomId)) }, t('fac.endSession'))
        : h('button', { type: 'button', class: 'button-primary', onClick: () => screen.act(() => client.startSession(roomId)) }, t('fac.startSession'))) : null,
    features.moderation ? renderRoomControls(screen) : null,
    features.lobbyControls ? section('fac.lobby',
      screen.lobby.length === 0 ? h('p', null, t('fac.lobbyEmpty')) : h('ul', { class: 'queue', role: 'list' }, screen.lobby.map((p) => h('li', null,
        h('span', { class: 'roster-name' }, userText(p.displayName)),
        h('span', { class: 'row-actions' },
          personButton('fac.admit', p.displayName, () => screen.act(() => client.admit(roomId, p.participantId)), 'button-primary'),
          personButton('fac.deny', p.displayName, () => screen.act(() => client.deny(roomId, p.participantId))))))),
      screen.lobby.length > 1 ? h('button', { type: 'button', onClick: () => screen.act(() => client.admitAll(roomId)) }, t('fac.admitAll')) : null) : null,
    screen.crisis.renderAlerts(),
    features.raiseHand ? renderHands(screen) : null,
    features.reports ? section('fac.reports', screen.reports.length === 0 ? h('p', null, t('fac.reportsEmpty')) :
      h('ul', { role: 'list', class: 'reports' }, screen.reports.map((r) => h('li', null,
        tParts('fac.reportItem', {
          reporter: userText(screen.nameOf(r.reporterParticipantId)),
          target: r.participantId ? userText(screen.nameOf(r.participantId)) : t('fac.reportMessage'),
        }),
        r.reason ? h('p', { dir: 'auto', class: 'message-text' }, r.reason) : null,
        r.messageId && screen.messageById(r.messageId) ? h('blockquote', { dir: 'auto' }, screen.messageById(r.messageId).text) : null)))) : null,
    features.privateMessages ? renderCheckIns(screen) : null,
    section('fac.roster', renderRoster(people, { me: screen.me.participantId, status: (p) => statusBadges(state, p), actions: (p) => participantActions(screen, p) })));
}

function section(titleKey, ...content) {
  return h('section', { class: 'panel-section' }, h('h3', null, t(titleKey)), content);
}

const SLOW_MODE = [0, 10, 30, 60];

/** Room-wide powers: lock (newcomers wait in the lobby), mute everyone, slow mode. */
function renderRoomControls(screen) {
  const { client, roomId } = screen;
  const state = screen.roomState;
  const slow = h('select', { id: 'slow-mode', onChange: (e) => screen.act(() => client.setSlowMode(roomId, Number(e.target.value))) },
    SLOW_MODE.map((s) => h('option', { value: s, selected: s === (state?.slowModeSeconds ?? 0) }, s ? t('fac.seconds', { count: s }) : t('fac.slowOff'))));
  return section('fac.room',
    state?.locked ? h('p', { class: 'meta' }, t('fac.locked')) : null,
    h('div', { class: 'row-actions' },
      state?.locked
        ? h('button', { type: 'button', class: 'small', onClick: () => screen.act(() => client.unlockRoom(roomId)) }, t('fac.unlock'))
        : h('button', { type: 'button', class: 'small', onClick: () => screen.act(() => client.lockRoom(roomId, true)) }, t('fac.lock')),
      state?.everyoneMuted
        ? h('button', { type: 'button', class: 'small', onClick: () => screen.act(() => client.unmuteEveryone(roomId)) }, t('fac.unmuteAll'))
        : h('button', { type: 'button', class: 'small', onClick: () => screen.act(() => client.muteEveryone(roomId, 0)) }, t('fac.muteAll'))),
    h('div', { class: 'inline-field' }, h('label', { for: 'slow-mode' }, t('fac.slowMode')), slow));
}

function renderHands(screen) {
  const { client, roomId } = screen;
  const state = screen.roomState;
  const queue = state?.handQueue ?? [];
  const length = h('select', { id: 'share-length', onChange: (e) => { screen.shareSeconds = Number(e.target.value); } },
    SHARE_LENGTHS.map((s) => h('option', { value: s, selected: s === screen.shareSeconds }, s ? t('fac.minutes', { count: s / 60 }) : t('fac.noTimer'))));
  return section('fac.hands',
    h('div', { class: 'inline-field' }, h('label', { for: 'share-length' }, t('fac.shareLength')), length),
    queue.length === 0 ? h('p', null, t('fac.handsEmpty')) : h('ol', { class: 'queue' }, queue.map((id) => {
      const name = screen.nameOf(id);
      return h('li', null, h('span', { class: 'roster-name' }, userText(name)), h('span', { class: 'row-actions' },
        personButton('fac.giveFloor', name, () => screen.act(() => client.giveFloor(roomId, id, screen.shareSeconds)), 'button-primary'),
        personButton('fac.lowerHandOf', name, () => screen.act(() => client.lowerHandOf(roomId, id)))));
    })),
    h('div', { class: 'row-actions' },
      state?.floor ? h('button', { type: 'button', onClick: () => screen.act(() => client.clearFloor(roomId)) }, t('fac.clearFloor')) : null,
      features.lowerAllHands && queue.length > 0
        ? h('button', { type: 'button', onClick: () => screen.act(async () => { const s = await client.lowerAllHands(roomId); if (s) screen.onRoomState(s); }) }, t('fac.lowerAllHands'))
        : null));
}

function statusBadges(state, p) {
  const muted = state?.mutes?.some((m) => m.participantId === p.participantId);
  const hand = state?.handQueue?.includes(p.participantId);
  return [muted ? h('span', { class: 'badge badge-muted' }, t('fac.muted')) : null, hand ? h('span', { class: 'badge' }, t('fac.handUp')) : null];
}

/** Per-person powers; not on yourself or other facilitators (except messaging). */
function participantActions(screen, p) {
  if (!features.moderation || p.participantId === screen.me.participantId) return null;
  const { client, roomId } = screen;
  const name = p.displayName;
  const muted = screen.roomState?.mutes?.some((m) => m.participantId === p.participantId);
  const message = features.privateMessages ? personButton('fac.message', name, () => screen.focusCheckIn(p.participantId)) : null;
  if (p.role === 'facilitator') return h('div', { class: 'roster-actions', role: 'group', 'aria-label': t('fac.actionsFor', { name }) }, message);
  return h('div', { class: 'roster-actions', role: 'group', 'aria-label': t('fac.actionsFor', { name }) },
    muted
      ? personButton('fac.unmute', name, () => screen.act(() => client.unmuteParticipant(roomId, p.participantId)))
      : personButton('fac.mute', name, () => screen.act(() => client.muteParticipant(roomId, p.participantId, 0))),
    personButton('fac.sendToLobby', name, () => screen.act(() => client.sendToLobby(roomId, p.participantId))),
    message,
    screen.crisis.available ? personButton('fac.escalate', name, () => screen.crisis.escalate(p.participantId), 'button-danger') : null,
    personButton('fac.remove', name, () => screen.act(() => client.removeParticipant(roomId, p.participantId)), 'button-danger'),
    personButton('fac.ban', name, () => screen.act(() => client.banParticipant(roomId, p.participantId, false)), 'button-danger'));
}
