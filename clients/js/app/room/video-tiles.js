// The video tiles: one per video member (their pseudonym from the roster, never anything else), the
// person's own self-view first, a spotlighted member across the whole row. Each tile's <video>
// element is kept by the panel across re-renders (it holds the live stream); this file only lays
// tiles out and adds the facilitator's per-person video powers.
import { h, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';
import { features } from '../features.js';
import { forcedOff } from '../../src/index.js';

/**
 * A button acting on a person: short visible label, the accessible name says who (same pattern as
 * the facilitator panel).
 */
function personButton(key, name, onClick, cls) {
  const hidden = h('span', { class: 'visually-hidden' }, userText(name));
  const parts = tParts(key, { name: hidden });
  return h('button', { type: 'button', class: ['small', cls], onClick }, parts, parts.includes(hidden) ? null : [' ', hidden]);
}

/**
 * @param {import('./video-panel.js').VideoPanel} panel
 * @returns {HTMLElement}
 */
export function renderTiles(panel) {
  const { mesh, screen } = panel;
  const members = [...mesh.members.values()]
    .sort((a, b) => Number(Boolean(b.spotlight)) - Number(Boolean(a.spotlight)) || screen.nameOf(a.participantId).localeCompare(screen.nameOf(b.participantId)));
  const tiles = [renderSelf(panel), ...members.map((m) => renderMember(panel, m))];
  return h('div', null,
    h('ul', { class: 'video-tiles', role: 'list' }, tiles),
    members.length === 0 ? h('p', { class: 'hint' }, t('video.empty')) : null);
}

function renderSelf(panel) {
  const { mesh } = panel;
  const name = t('video.you');
  const video = panel.selfVideo();
  const cameraOn = Boolean(mesh.tracks.video);
  video.setAttribute('aria-label', t('video.tileLabel', { name }));
  return h('li', { class: ['video-tile', 'self', mesh.self?.spotlight ? 'spotlight' : null], 'data-participant-id': mesh.participantId },
    h('div', { class: ['video-frame', cameraOn ? null : 'camera-off'] }, video, cameraOn ? null : h('p', { class: 'camera-off-note' }, t('video.cameraOff'))),
    h('p', { class: 'tile-caption' },
      h('span', { class: 'tile-name' }, name),
      badges(mesh.self, mesh.forced, !mesh.sending.audio, mesh.audioOnly)));
}

function renderMember(panel, view) {
  const { screen } = panel;
  const name = screen.nameOf(view.participantId);
  const forced = forcedOff(view, screen.roomState?.media?.find((m) => m.participantId === view.participantId));
  const video = panel.remoteVideo(view.participantId);
  video.setAttribute('aria-label', t('video.tileLabel', { name }));
  return h('li', { class: ['video-tile', view.spotlight ? 'spotlight' : null], 'data-participant-id': view.participantId },
    h('div', { class: ['video-frame', view.video ? null : 'camera-off'] }, video, view.video ? null : h('p', { class: 'camera-off-note' }, t('video.cameraOff'))),
    h('p', { class: 'tile-caption' },
      h('span', { class: 'tile-name' }, userText(name)),
      badges(view, forced, !view.audio, false)),
    screen.isFacilitator ? facilitatorActions(panel, view, name, forced) : null);
}

function badges(view, forced, micOff, audioOnly) {
  return [
    micOff ? h('span', { class: 'badge' }, t('video.badge.micOff')) : null,
    forced.audio || forced.video ? h('span', { class: 'badge badge-muted' }, t('video.badge.forced')) : null,
    view?.spotlight ? h('span', { class: 'badge badge-facilitator' }, t('video.badge.spotlight')) : null,
    audioOnly ? h('span', { class: 'badge' }, t('video.badge.audioOnly')) : null,
  ];
}

/** Mute/allow mic and camera (moderation media controls), ask camera off, spotlight, remove. */
function facilitatorActions(panel, view, name, forced) {
  const { screen } = panel;
  const person = screen.roster.get(view.participantId);
  if (person?.role === 'facilitator') return null;
  const { client, roomId } = screen;
  const id = view.participantId;
  const state = (call) => () => screen.act(async () => { const s = await call(); if (s?.roomId) screen.onRoomState(s); });
  return h('div', { class: 'roster-actions', role: 'group', 'aria-label': t('video.actionsFor', { name }) },
    forced.audio
      ? personButton('video.fac.allowMic', name, state(() => client.allowMedia(roomId, id, 'mic')))
      : personButton('video.fac.muteMic', name, state(() => client.forceMediaOff(roomId, id, 'mic'))),
    forced.video
      ? personButton('video.fac.allowCamera', name, state(() => client.allowMedia(roomId, id, 'camera')))
      : personButton('video.fac.stopCamera', name, state(() => client.forceMediaOff(roomId, id, 'camera'))),
    view.video && !forced.video ? personButton('video.fac.askCameraOff', name, () => screen.act(() => client.requestMediaOff(roomId, id, 'camera'))) : null,
    features.videoSpotlight
      ? personButton(view.spotlight ? 'video.fac.unspotlight' : 'video.fac.spotlight', name, () => screen.act(() => client.setVideoSpotlight(roomId, id, !view.spotlight)))
      : null,
    features.videoRemove ? personButton('video.fac.remove', name, () => screen.act(() => client.removeFromVideo(roomId, id)), 'button-danger') : null);
}
