// What is happening in the room right now, above the conversation: the pinned message, who has
// the floor and the share timer counting down (role="timer"), and the caller's own standing
// (muted, hand raised). Rebuilt whenever RoomStateChanged arrives; the countdown ticks in place.
import { h, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';

/** mm:ss until `endsAt` (never negative). */
export function remaining(endsAt, now = Date.now()) {
  const seconds = Math.max(0, Math.round((new Date(endsAt).getTime() - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * @param {import('./room-screen.js').RoomScreen} screen
 * @returns {HTMLElement}
 */
export function renderFloorStrip(screen) {
  const state = screen.roomState;
  const me = screen.me.participantId;
  const parts = [];
  if (state?.session && state.session !== 'open') parts.push(h('p', { class: 'session-note' }, t(`room.state.${state.session}`)));
  if (state?.pinned) {
    parts.push(h('div', { class: 'pinned', role: 'note' },
      h('span', { class: 'pinned-label' }, t('room.pinned')), ' ',
      h('span', { class: 'message-author' }, userText(state.pinned.displayName)), ': ',
      h('span', { dir: 'auto' }, state.pinned.text)));
  }
  if (state?.floor) {
    const who = state.floor.participantId === me ? t('room.floorYou')
      : tParts('room.floorOther', { name: userText(screen.nameOf(state.floor.participantId)) });
    const timer = state.floor.endsAt
      ? h('span', { class: 'share-timer', role: 'timer', 'aria-live': 'off', 'data-ends-at': new Date(state.floor.endsAt).toISOString() },
        t('room.timerLeft', { time: remaining(state.floor.endsAt) }))
      : null;
    parts.push(h('p', { class: 'floor' }, who, timer ? ' · ' : null, timer));
  }
  if (screen.isMuted) parts.push(h('p', { class: 'muted-note', role: 'status' }, state?.everyoneMuted && !screen.isMutedPersonally ? t('room.everyoneMuted') : t('room.muted')));
  else if (state?.handQueue?.includes(me)) parts.push(h('p', { class: 'hand-note' }, t('room.handRaised')));
  return h('div', { class: 'floor-strip' }, parts);
}

/** Updates every running countdown in `root`; call once a second. */
export function tickTimers(root) {
  for (const el of root.querySelectorAll('.share-timer[data-ends-at]')) el.textContent = t('room.timerLeft', { time: remaining(el.dataset.endsAt) });
}
