// What a person does in the room: send, report, raise a hand, write privately, and (facilitators)
// act on others through act(), which shows a refusal instead of throwing. Installed on
// RoomScreen.prototype; `this` is the RoomScreen.
import { t, errorText } from '../i18n/i18n.js';
import { announce, alertNow } from '../ui/announcer.js';
import { askReportReason } from './report-dialog.js';

/** @type {Record<string, (this: import('./room-screen.js').RoomScreen, ...args: any[]) => any>} */
export const roomActions = {
  async send(text, options) {
    this.setNotice('');
    try {
      const response = await this.client.sendMessage({
        roomId: this.roomId, text,
        ...(options?.audience && options.audience !== 'everyone' ? { audience: options.audience } : {}),
        ...(options?.topics?.size ? { sensitiveTopics: [...options.topics] } : {}),
      });
      // Private notes from the server about this message (what was masked, language suggestions).
      if (response?.notices?.length) this.setNotice(response.notices.map((n) => n.text).join(' '));
    } catch (err) {
      this.setNotice(t('room.sendFailed', { reason: errorText(err) }));
      throw err;
    }
  },

  /** Runs a facilitator or participant action; a refusal is shown, not thrown. */
  async act(action) {
    this.setNotice('');
    try {
      return await action();
    } catch (err) {
      const text = t('room.actionFailed', { reason: errorText(err) });
      this.setNotice(text);
      alertNow(text);
      return undefined;
    }
  },

  async sendCheckIn(toParticipantId, text) {
    const sent = await this.act(() => this.client.sendCheckInMessage({ roomId: this.roomId, toParticipantId, text }));
    if (sent) this.onCheckIn(sent);
    return Boolean(sent);
  },

  /** Opens the private message form addressed to someone (facilitator roster action). */
  focusCheckIn(participantId) {
    this.checkInTo = participantId;
    this.refreshPeople();
    const select = this.app.main.querySelector('#checkin-to');
    if (select) select.value = participantId;
    this.app.main.querySelector('#checkin-text')?.focus();
  },

  async report(message) {
    const reason = await askReportReason(message);
    if (reason === null) return;
    const id = await this.act(() => this.client.report({ roomId: this.roomId, messageId: message.messageId, reason: reason || undefined }));
    if (id) { this.setNotice(t('room.report.sent')); announce(t('room.report.sent')); }
  },

  toggleHand() {
    const raised = this.roomState?.handQueue?.includes(this.me.participantId);
    return this.act(() => (raised ? this.client.lowerHand(this.roomId) : this.client.raiseHand(this.roomId)).then((state) => state && this.onRoomState(state)));
  },

  async leave() {
    try { await this.client.leaveRoom(this.roomId); } catch { /* already out */ }
    this.app.rooms();
  },
};
