// The room's video: join/leave, the person's own mic and camera toggles (disabled, with "ask to
// unmute", while a facilitator has forced one off), the audio-only notice, and the tiles
// (video-tiles.js). The WebRTC work is VideoMesh's (src/video-mesh.js); this panel only shows it.
// The panel's element and every <video> element persist across re-renders so streams keep playing.
import { h, replaceChildren } from '../ui/dom.js';
import { t, errorText } from '../i18n/i18n.js';
import { announce, alertNow } from '../ui/announcer.js';
import { VideoMesh } from '../../src/index.js';
import { renderTiles } from './video-tiles.js';

export class VideoPanel {
  /** @param {import('./room-screen.js').RoomScreen} screen */
  constructor(screen) {
    this.screen = screen;
    /** @type {VideoMesh | null} */
    this.mesh = null;
    this.joining = false;
    this.notice = '';
    /** participantId -> { stream, video } for other members */
    this.remote = new Map();
    this.self = null;
    this.meshOffs = [];
    this.forcedBefore = { audio: false, video: false };
    this.root = h('section', { class: 'panel video-panel', 'aria-labelledby': 'video-h' });
  }

  /** Room events the panel shows (the mesh handles its own). */
  subscribe(mine) {
    const c = this.screen.client;
    const other = (id) => id !== this.mesh?.participantId;
    return [
      c.on('VideoMemberJoined', mine((m) => { if (this.mesh?.joined && other(m.participantId)) announce(t('video.joinedNotice', { name: this.screen.nameOf(m.participantId) })); })),
      c.on('VideoMemberLeft', mine((m) => { if (this.mesh?.joined && other(m.participantId)) announce(t('video.leftNotice', { name: this.screen.nameOf(m.participantId) })); })),
      c.on('MediaOffRequested', mine((e) => alertNow(t(`video.offRequested.${e.kind === 'mic' ? 'mic' : 'camera'}`)))),
      c.on('UnmuteRequested', mine((e) => alertNow(t(`video.unmuteRequested.${e.kind === 'mic' ? 'mic' : 'camera'}`, { name: this.screen.nameOf(e.participantId) })))),
    ];
  }

  dispose() {
    this.leave();
  }

  // --- Actions -------------------------------------------------------------------------------------

  async join() {
    if (this.mesh || this.joining) return;
    this.joining = true;
    this.notice = '';
    this.refresh();
    const mesh = new VideoMesh({ client: this.screen.client, roomId: this.screen.roomId });
    this.meshOffs = [
      mesh.on('changed', () => this.#onChanged()),
      mesh.on('localTracks', ({ video }) => this.#showSelf(video)),
      mesh.on('remoteTrack', ({ participantId, track }) => this.#addRemote(participantId, track)),
      mesh.on('peerClosed', ({ participantId }) => { this.remote.delete(participantId); this.refresh(); }),
      mesh.on('closed', ({ reason }) => this.#ended(reason)),
      mesh.on('error', ({ error, participantId, kind }) => {
        if (kind === 'audio') { this.notice = t('video.micFailed'); alertNow(this.notice); this.refresh(); } else if (!participantId && !kind) console.warn('PeerRooms video:', error);
      }),
    ];
    this.mesh = mesh;
    try {
      await mesh.join();
    } catch (error) {
      this.#teardown();
      this.notice = t('video.failed', { reason: errorText(error) });
      alertNow(this.notice);
    } finally {
      this.joining = false;
      this.refresh();
    }
  }

  leave() {
    const mesh = this.mesh;
    if (!mesh) return;
    mesh.leave().catch(() => { });
  }

  /** Turns the person's mic ('audio') or camera ('video') on or off. */
  toggle(kind) {
    const mesh = this.mesh;
    if (!mesh) return undefined;
    const next = { ...mesh.wanted, [kind]: !mesh.wanted[kind] };
    this.notice = '';
    return this.screen.act(() => mesh.setPublishing(next)).finally(() => this.refresh());
  }

  askToUnmute(kind) {
    return this.screen.act(async () => {
      await this.screen.client.askToUnmute(this.screen.roomId, kind === 'audio' ? 'mic' : 'camera');
      announce(t('video.askSent'));
      this.notice = t('video.askSent');
      this.refresh();
    });
  }

  // --- Media elements ------------------------------------------------------------------------------

  /** The self-view <video> (muted: never play our own mic back). */
  selfVideo() {
    if (!this.self) {
      const video = h('video', { autoplay: true, playsinline: true, class: 'self-view' });
      video.muted = true;
      this.self = { video, stream: null };
    }
    return this.self.video;
  }

  /** A member's <video>, which also plays their audio. */
  remoteVideo(participantId) {
    let entry = this.remote.get(participantId);
    if (!entry) {
      const stream = new MediaStream();
      const video = h('video', { autoplay: true, playsinline: true });
      video.srcObject = stream;
      entry = { stream, video };
      this.remote.set(participantId, entry);
    }
    return entry.video;
  }

  #addRemote(participantId, track) {
    this.remoteVideo(participantId);
    const { stream, video } = this.remote.get(participantId);
    if (!stream.getTracks().includes(track)) stream.addTrack(track);
    video.play?.().catch(() => { });
  }

  #showSelf(track) {
    const video = this.selfVideo();
    if (track) {
      this.self.stream = new MediaStream([track]);
      video.srcObject = this.self.stream;
      video.play?.().catch(() => { });
    } else {
      video.srcObject = null;
      this.self.stream = null;
    }
    this.refresh();
  }

  #onChanged() {
    const forced = this.mesh?.forced ?? { audio: false, video: false };
    if (forced.audio && !this.forcedBefore.audio) alertNow(t('video.forced.mic'));
    if (forced.video && !this.forcedBefore.video) alertNow(t('video.forced.camera'));
    this.forcedBefore = forced;
    this.refresh();
  }

  #ended(reason) {
    this.#teardown();
    if (reason === 'removed_from_video') {
      this.notice = t('video.removed');
      alertNow(this.notice);
    } else if (reason !== 'left') {
      this.notice = t('video.ended');
      announce(this.notice);
    }
    this.refresh();
  }

  #teardown() {
    for (const off of this.meshOffs.splice(0)) off();
    this.mesh = null;
    for (const { video } of this.remote.values()) video.srcObject = null;
    this.remote.clear();
    if (this.self) this.self.video.srcObject = null;
    this.self = null;
  }

  // --- Rendering -----------------------------------------------------------------------------------

  render() {
    const mesh = this.mesh;
    const joined = Boolean(mesh?.joined);
    replaceChildren(this.root,
      h('h2', { id: 'video-h' }, t('video.title')),
      joined ? this.#renderControls(mesh) : [
        h('p', { class: 'hint' }, t('video.hint')),
        h('button', { type: 'button', class: 'button-primary', disabled: this.joining, onClick: () => this.join() }, t('video.join')),
      ],
      h('p', { class: 'video-notice', role: 'status' }, this.notice),
      joined && mesh.provider !== 'mesh' ? h('p', { class: 'hint' }, t('video.otherProvider')) : null,
      joined ? renderTiles(this) : null);
    // Moving a playing <video> within the document can pause it; make sure each plays.
    for (const video of this.root.querySelectorAll('video')) if (video.paused && video.srcObject) video.play().catch(() => { });
    return this.root;
  }

  refresh() { if (this.root.isConnected || this.mesh) this.render(); }

  #renderControls(mesh) {
    const forced = mesh.forced;
    const toggle = (kind, onKey, offKey) => {
      const on = mesh.wanted[kind] && !forced[kind];
      return h('button', { type: 'button', class: on ? 'toggle-on' : null, disabled: forced[kind], onClick: () => this.toggle(kind) }, t(on ? offKey : onKey));
    };
    const ask = (kind) => (forced[kind] ? h('button', { type: 'button', onClick: () => this.askToUnmute(kind) }, t(`video.askUnmute.${kind === 'audio' ? 'mic' : 'camera'}`)) : null);
    const notes = [
      forced.audio ? t('video.forced.mic') : null,
      forced.video ? t('video.forced.camera') : null,
      mesh.audioOnly ? t('video.audioOnly') : null,
    ].filter(Boolean);
    return [
      h('div', { class: 'video-controls', role: 'group', 'aria-label': t('video.controls') },
        toggle('audio', 'video.micTurnOn', 'video.micTurnOff'), ask('audio'),
        toggle('video', 'video.cameraTurnOn', 'video.cameraTurnOff'), ask('video'),
        h('button', { type: 'button', class: 'button-quiet', onClick: () => this.leave() }, t('video.leave'))),
      notes.length ? h('div', { class: 'video-state' }, notes.map((n) => h('p', { class: 'video-forced-note' }, n))) : null,
    ];
  }
}
