// The room: lobby or chat, people, typing, connection state, help, and (for facilitators) their
// panel. State lives here; rendering is rebuilt from it (language changes) or patched in place
// (new messages, roster, typing) so focus and scroll stay where the person left them.
import { h, replaceChildren, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';
import { announce, alertNow } from '../ui/announcer.js';
import { features } from '../features.js';
import { renderMessage } from './message-view.js';
import { renderRoster } from './roster-view.js';
import { renderFacilitatorPanel } from './facilitator-panel.js';
import { renderHelp } from './help-card.js';
import { Composer } from './composer.js';
import { renderFloorStrip, tickTimers } from './floor-strip.js';
import { renderCheckIns } from './check-ins.js';
import { RoomCrisis } from './room-crisis.js';
import { roomActions } from './room-actions.js';
import { VideoPanel } from './video-panel.js';

const TYPING_TIMEOUT_MS = 6000;

export class RoomScreen {
  /**
   * @param {*} app
   * @param {import('../../src/index.js').RoomDto} room
   * @param {import('../../src/index.js').JoinRoomResponse} joined
   */
  constructor(app, room, joined) {
    this.app = app;
    this.room = room;
    this.client = app.client;
    this.roomId = joined.roomId;
    this.roomName = joined.roomName;
    this.me = { participantId: joined.participantId, role: joined.role, status: joined.status };
    /** @type {Map<string, import('../../src/index.js').ParticipantView>} */
    this.roster = new Map(joined.roster.map((p) => [p.participantId, p]));
    /** @type {import('../../src/index.js').MessageView[]} */
    this.messages = [...joined.history];
    /** @type {Map<string, ReturnType<typeof setTimeout>>} */
    this.typing = new Map();
    /** Facilitator tools state (session, mutes, pinned, floor, hands); null before it is known. */
    this.roomState = joined.roomState ?? null;
    /** Who waits in the lobby (facilitators only). */
    this.lobby = [];
    this.reports = [];
    /** Private messages with facilitators / participants, oldest first. */
    this.checkIns = [];
    this.checkInTo = '';
    this.shareSeconds = 120;
    /** Content-warning topics this person always wants collapsed (disclosure preference). */
    this.collapsedTopics = joined.collapsedTopics ?? [];
    this.closed = null;
    this.connection = this.client.state;
    this.notice = '';
    this.composer = new Composer({
      onSend: (text, options) => this.send(text, options),
      onTyping: (typing) => this.client.setTyping(this.roomId, typing).catch(() => { }),
    });
    this.crisis = new RoomCrisis(this);
    this.video = new VideoPanel(this);
    this.subscriptions = this.subscribe();
    this.els = {};
    this.timer = setInterval(() => { if (this.roomState?.floor?.endsAt) tickTimers(this.app.main); }, 1000);
    if (this.me.status === 'room') this.reconcileRoster();
    if (this.isFacilitator && features.lobbyControls) this.client.getLobby(this.roomId).then((l) => { this.lobby = l; this.refreshPeople(); }).catch(() => { });
  }

  get isFacilitator() { return this.me.role === 'facilitator'; }

  /** Adds people who joined while our JoinRoom was in flight (announced before we listened), not those gone since. */
  reconcileRoster() {
    const departed = (this.departed = new Set());
    this.client.getRoster(this.roomId).then((people) => {
      const missing = people.filter((p) => !this.roster.has(p.participantId) && !departed.has(p.participantId));
      if (missing.length === 0 || this.closed) return;
      for (const p of missing) this.roster.set(p.participantId, p);
      this.refreshPeople();
      this.video.refresh();
    }).catch(() => { });
  }

  subscribe() {
    const c = this.client;
    const mine = (handler) => (e) => { if (e?.roomId === this.roomId && !this.closed) handler(e); };
    return [
      c.on('MessageReceived', mine((m) => this.onMessage(m))),
      c.on('ParticipantJoined', mine((e) => this.onJoined(e.participant))),
      c.on('ParticipantLeft', mine((e) => this.onLeft(e.participantId))),
      // Facilitator tools / disclosure: a participant's status or attributes changed (e.g. admitted).
      c.on('ParticipantUpdated', mine((e) => this.onUpdated(e.participant))),
      c.on('Typing', mine((e) => this.onTyping(e))),
      c.on('RoomStateChanged', mine((state) => this.onRoomState(state))),
      c.on('LobbyChanged', mine((e) => this.onLobby(e.waiting))),
      c.on('MessageDeleted', mine((e) => this.onDeleted(e.messageId))),
      c.on('MessageRetracted', mine((e) => this.onDeleted(e.messageId))),
      c.on('ReportReceived', mine((r) => { this.reports.push(r); this.refreshPeople(); alertNow(t('fac.newReport', { name: this.nameOf(r.reporterParticipantId) })); })),
      c.on('CheckInMessageReceived', mine((m) => this.onCheckIn(m))),
      c.on('RoomClosed', mine((e) => { if (e.terminal) this.close(e.reason); })),
      c.on('rejoined', mine((e) => this.onRejoined(e.response))),
      c.on('rejoinFailed', mine((e) => this.close(e.error.code))),
      ...this.crisis.subscribe(mine),
      ...this.video.subscribe(mine),
      c.on('stateChanged', ({ state }) => this.onConnection(state)),
      c.on('stopped', ({ reason }) => { if (reason !== 'stopped') this.close(reason); }),
    ];
  }

  dispose() {
    for (const off of this.subscriptions) off();
    for (const timer of this.typing.values()) clearTimeout(timer);
    clearInterval(this.timer);
    this.composer.dispose();
    this.video.dispose();
  }

  // --- Events ------------------------------------------------------------------------------------

  onMessage(m) {
    if (this.messages.some((x) => x.messageId === m.messageId)) return;
    this.messages.push(m);
    this.messages.sort((a, b) => a.sequence - b.sequence);
    this.clearTyping(m.participantId);
    const list = this.els.messages;
    if (list) {
      const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
      this.els.empty?.remove();
      const li = this.renderOne(m);
      const next = [...list.children].find((el) => Number(el.dataset.sequence) > m.sequence);
      list.insertBefore(li, next ?? null);
      if (nearBottom || m.participantId === this.me.participantId) list.scrollTop = list.scrollHeight;
    }
    if (m.participantId !== this.me.participantId) announce(t('room.newMessage', { name: m.displayName, text: m.text.slice(0, 200) }));
  }

  onJoined(p) {
    this.roster.set(p.participantId, p);
    this.refreshPeople();
    if (p.participantId !== this.me.participantId) announce(t('room.joinedNotice', { name: p.displayName }));
  }

  onLeft(participantId) {
    this.departed?.add(participantId);
    const p = this.roster.get(participantId);
    this.roster.delete(participantId);
    this.clearTyping(participantId);
    this.refreshPeople();
    if (p) announce(t('room.leftNotice', { name: p.displayName }));
  }

  onUpdated(p) {
    this.roster.set(p.participantId, p);
    if (p.participantId === this.me.participantId && p.status !== this.me.status) {
      this.me.status = p.status;
      if (p.status === 'lobby') this.video.leave(); // back in the lobby: out of video too
      if (p.status === 'room') {
        this.client.getHistory(this.roomId, 0).then((ms) => ms.forEach((m) => this.onMessage(m))).catch(() => { });
        this.client.getRoomState(this.roomId).then((state) => this.onRoomState(state)).catch(() => { });
        // Waiting in the lobby showed nobody; now see who is here.
        this.client.getRoster(this.roomId).then((people) => { this.roster = new Map(people.map((x) => [x.participantId, x])); this.refreshPeople(); }).catch(() => { });
      }
      this.app.render();
      return;
    }
    this.refreshPeople();
  }

  onTyping({ participantId, typing }) {
    if (participantId === this.me.participantId) return;
    this.clearTyping(participantId);
    if (typing) this.typing.set(participantId, setTimeout(() => { this.typing.delete(participantId); this.refreshTyping(); }, TYPING_TIMEOUT_MS));
    this.refreshTyping();
  }

  onRoomState(state) {
    const before = this.roomState;
    this.roomState = state;
    const me = this.me.participantId;
    if (state.floor?.participantId !== before?.floor?.participantId && state.floor) {
      announce(state.floor.participantId === me ? t('room.floorYou') : t('room.floorOther', { name: this.nameOf(state.floor.participantId) }));
    }
    const wasMuted = before?.mutes?.some((m) => m.participantId === me);
    if (this.isMutedPersonally && !wasMuted) alertNow(t('room.muted'));
    this.refreshDynamic();
  }

  onLobby(waiting) {
    const known = new Set(this.lobby.map((p) => p.participantId));
    this.lobby = waiting;
    for (const p of waiting) if (!known.has(p.participantId)) announce(t('fac.waiting', { name: p.displayName }));
    this.refreshPeople();
  }

  onDeleted(messageId) {
    this.messages = this.messages.filter((m) => m.messageId !== messageId);
    this.els.messages?.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`)?.remove();
  }

  onCheckIn(m) {
    if (this.checkIns.some((x) => x.messageId === m.messageId)) return;
    this.checkIns.push(m);
    if (m.fromParticipantId !== this.me.participantId) {
      this.checkInTo = this.checkInTo || m.fromParticipantId;
      alertNow(t('room.checkins.new', { name: m.fromDisplayName, text: m.text.slice(0, 200) }));
    }
    this.refreshPeople();
  }

  onRejoined(response) {
    this.me = { participantId: response.participantId, role: response.role, status: response.status };
    if (response.roomState) this.roomState = response.roomState;
    this.roster = new Map(response.roster.map((p) => [p.participantId, p]));
    this.refreshPeople();
    announce(t('room.rejoined'));
  }

  onConnection(state) {
    this.connection = state;
    if (this.els.status) replaceChildren(this.els.status, t(`room.status.${state}`));
    if (state === 'reconnecting') alertNow(t('room.status.reconnecting'));
    if (this.els.status) this.els.status.dataset.state = state;
  }

  close(reason) {
    this.closed = reason;
    this.video.leave();
    alertNow(closedText(reason));
    this.app.render();
    this.app.main.querySelector('h1')?.focus();
  }

  clearTyping(participantId) {
    clearTimeout(this.typing.get(participantId));
    if (this.typing.delete(participantId)) this.refreshTyping();
  }

  get isMutedPersonally() { return Boolean(this.roomState?.mutes?.some((m) => m.participantId === this.me.participantId)); }

  get isMuted() { return !this.isFacilitator && (this.isMutedPersonally || Boolean(this.roomState?.everyoneMuted)); }

  nameOf(participantId) {
    return this.roster.get(participantId)?.displayName ?? this.lobby.find((p) => p.participantId === participantId)?.displayName ?? '?';
  }

  messageById(messageId) { return this.messages.find((m) => m.messageId === messageId); }

  setNotice(text) {
    this.notice = text;
    if (this.els.notice) replaceChildren(this.els.notice, text);
  }

  // --- Rendering ---------------------------------------------------------------------------------

  render() {
    this.els = {};
    if (this.closed) return this.renderClosed();
    const status = h('span', { class: 'connection', 'data-state': this.connection }, t(`room.status.${this.connection}`));
    this.els.status = status;
    const help = this.renderHelpCard();
    const header = h('div', { class: 'room-header' },
      h('h1', { class: 'room-title' }, userText(this.roomName)),
      status,
      h('div', { class: 'room-header-actions' },
        help.button,
        h('button', { type: 'button', class: 'button-quiet', onClick: () => this.leave() }, t('room.leave'))),
      help.dialog);
    const main = this.me.status === 'lobby' ? this.renderLobby()
      : h('div', { class: 'room-main' }, features.video ? this.video.render() : null, this.renderChat());
    const side = this.isFacilitator ? renderFacilitatorPanel(this) : this.renderPeoplePanel();
    this.els.side = side;
    this.els.support = this.crisis.renderSupport();
    return h('div', { class: 'room' }, header, this.els.support, h('div', { class: 'room-layout' }, main, side));
  }

  /** "I need help now" and its private card (crisis resources; pages crisis staff when the server can). */
  renderHelpCard() {
    const facilitator = [...this.roster.values()].find((p) => p.role === 'facilitator' && p.participantId !== this.me.participantId);
    const help = renderHelp({
      onOpen: () => this.crisis.requestHelp(),
      extras: this.crisis.renderCardExtras(),
      onTellFacilitator: facilitator && !this.isFacilitator ? () => this.focusCheckIn(facilitator.participantId) : undefined,
    });
    this.els.helpExtras = help.dialog.querySelector('.help-extras');
    return help;
  }

  refreshHelp() { if (this.els.helpExtras) replaceChildren(this.els.helpExtras, this.crisis.renderCardExtras()); }

  refreshSupport() {
    if (!this.els.support) return;
    const fresh = this.crisis.renderSupport();
    this.els.support.replaceWith(fresh);
    this.els.support = fresh;
  }

  renderLobby() {
    return h('section', { class: 'card lobby', 'aria-labelledby': 'lobby-h' },
      h('h2', { id: 'lobby-h' }, t('room.lobby.title')),
      h('p', null, t('room.lobby.text')));
  }

  renderChat() {
    const list = h('ol', { class: 'messages', tabindex: '0', 'aria-labelledby': 'messages-h' }, this.messages.map((m) => this.renderOne(m)));
    this.els.messages = list;
    if (this.messages.length === 0) {
      this.els.empty = h('li', { class: 'empty' }, t('room.noMessages'));
      list.append(this.els.empty);
    }
    this.els.typing = h('p', { class: 'typing', 'aria-live': 'off' }, this.typingText());
    this.els.notice = h('p', { class: 'error', role: 'status' }, this.notice);
    queueMicrotask(() => { list.scrollTop = list.scrollHeight; });
    return h('section', { class: 'chat', 'aria-labelledby': 'messages-h' },
      h('h2', { id: 'messages-h', class: 'visually-hidden' }, t('room.messages')),
      // Pinned message, who has the floor and the share timer, the caller's own standing.
      this.els.strip = renderFloorStrip(this),
      list, this.els.typing, this.els.notice,
      this.composer.render(),
      this.els.controls = this.renderControls());
  }

  renderOne(m) {
    return renderMessage(m, {
      mine: m.participantId === this.me.participantId,
      facilitator: this.isFacilitator,
      pinned: this.roomState?.pinned?.messageId === m.messageId,
      collapsedTopics: this.collapsedTopics,
      onReport: (msg) => this.report(msg),
      onRetract: (msg) => this.act(() => this.client.retractMessage(this.roomId, msg.messageId)),
      onPin: (msg) => this.act(() => (this.roomState?.pinned?.messageId === msg.messageId ? this.client.unpinMessage(this.roomId) : this.client.pinMessage(this.roomId, msg.messageId))),
      onDelete: (msg) => this.act(() => this.client.deleteMessage(this.roomId, msg.messageId)),
    });
  }

  /** Under the composer: raise / lower hand (participants). */
  renderControls() {
    if (!features.raiseHand || this.isFacilitator) return h('div', { class: 'room-controls' });
    const raised = Boolean(this.roomState?.handQueue?.includes(this.me.participantId));
    return h('div', { class: 'room-controls' },
      h('button', { type: 'button', 'aria-pressed': raised ? 'true' : 'false', onClick: () => this.toggleHand() }, raised ? t('room.lowerHand') : t('room.raiseHand')));
  }

  /** Re-renders what the room state drives, leaving the conversation and the draft alone. */
  refreshDynamic() {
    if (this.els.strip) { const fresh = renderFloorStrip(this); this.els.strip.replaceWith(fresh); this.els.strip = fresh; }
    if (this.els.controls) { const fresh = this.renderControls(); this.els.controls.replaceWith(fresh); this.els.controls = fresh; }
    this.refreshPeople();
    this.video.refresh(); // forced mic/camera flags live in the room state
    if (this.isFacilitator && this.els.messages) {
      for (const li of this.els.messages.querySelectorAll('.message')) {
        const m = this.messageById(li.dataset.messageId);
        if (m) li.replaceWith(this.renderOne(m));
      }
    }
  }

  renderPeoplePanel() {
    const people = [...this.roster.values()];
    return h('section', { class: 'panel people', 'aria-labelledby': 'people-h' },
      h('h2', { id: 'people-h' }, t('room.people', { count: people.length })),
      renderRoster(people, { me: this.me.participantId }),
      features.privateMessages && this.me.status === 'room' ? renderCheckIns(this) : null);
  }

  refreshPeople() {
    if (!this.els.side) return;
    const fresh = this.isFacilitator ? renderFacilitatorPanel(this) : this.renderPeoplePanel();
    this.els.side.replaceWith(fresh);
    this.els.side = fresh;
  }

  typingText() {
    const names = [...this.typing.keys()].map((id) => this.roster.get(id)?.displayName).filter(Boolean);
    if (names.length === 0) return '';
    return names.length === 1 ? tParts('room.typing.one', { name: userText(names[0]) }) : t('room.typing.many');
  }

  refreshTyping() {
    if (this.els.typing) replaceChildren(this.els.typing, this.typingText());
  }

  renderClosed() {
    const help = this.renderHelpCard();
    return h('section', { class: 'card narrow closed' },
      h('h1', { tabindex: '-1' }, t('room.closed.title')),
      h('p', null, closedText(this.closed)),
      h('button', { type: 'button', class: 'button-primary', onClick: () => (this.closed === 'unauthenticated' ? this.app.signOut() : this.app.rooms()) },
        t('room.closed.back')),
      help.button, help.dialog);
  }
}

function closedText(reason) {
  const key = `room.closed.${reason}`;
  const text = t(key);
  return text === key ? t('room.closed.other', { reason }) : text;
}

// What the person does in the room (send, report, hands, private messages, facilitator actions).
Object.assign(RoomScreen.prototype, roomActions);
