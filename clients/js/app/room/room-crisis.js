// The room's side of crisis escalation: "I need help now" asks the server to page crisis staff
// (RequestHelp) and opens the private resources card; the server's CrisisResources fill that card;
// crisis staff's private messages (CrisisPrivateMessage) show in a private support panel with a
// reply box; facilitators see risk alerts and can escalate someone. A server without the crisis
// feature refuses RequestHelp: the card still opens with the built-in resources.
import { h, field, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';
import { announce, alertNow } from '../ui/announcer.js';
import { features } from '../features.js';

export class RoomCrisis {
  /** @param {import('./room-screen.js').RoomScreen} screen */
  constructor(screen) {
    this.screen = screen;
    /** @type {import('../../src/index.js').CrisisResource[] | null} */
    this.resources = null;
    this.requested = false;
    this.caseId = null;
    /** Messages with crisis staff, oldest first (never stored by the server). */
    this.messages = [];
    /** Facilitators: risk alerts, newest first. */
    this.alerts = [];
    /** Facilitators: rate-limit notes (SecurityAlert), newest first. */
    this.notes = [];
  }

  /** @returns {Array<() => void>} unsubscribers */
  subscribe(mine) {
    const c = this.screen.client;
    return [
      c.on('CrisisResources', mine((e) => { this.resources = e.resources ?? []; this.screen.refreshHelp(); })),
      c.on('CrisisPrivateMessage', mine((m) => this.onPrivateMessage(m))),
      // Rate limits (security feature): shown with the alerts, facilitators only.
      c.on('SecurityAlert', mine((a) => {
        const text = t('fac.securityAlert', { name: this.screen.nameOf(a.participantId), limit: a.limit });
        this.notes = [text, ...this.notes].slice(0, 10);
        alertNow(text);
        this.screen.refreshPeople();
      })),
      c.on('RiskAlert', mine((a) => {
        this.alerts = [a, ...this.alerts.filter((x) => x.caseId !== a.caseId)];
        alertNow(t('fac.newAlert', { name: a.pseudonym }));
        this.screen.refreshPeople();
      })),
    ];
  }

  /** "I need help now": page crisis staff (when the server can) and show the card. */
  async requestHelp() {
    if (this.requested) return;
    try {
      const response = await this.screen.client.requestHelp(this.screen.roomId);
      this.requested = true;
      this.caseId = response?.caseId ?? this.caseId;
      announce(t('help.requested'));
      this.screen.refreshHelp();
    } catch {
      // No crisis feature on this server, or not admitted yet: the built-in card is still there.
    }
  }

  onPrivateMessage(m) {
    if (this.messages.some((x) => x.messageId === m.messageId)) return;
    this.caseId = m.caseId;
    this.messages.push(m);
    if (m.from === 'crisis-staff') alertNow(t('support.new', { text: m.text.slice(0, 200) }));
    this.screen.refreshSupport();
  }

  /** The card's extra content: the server's resources and whether staff were told. */
  renderCardExtras() {
    return [
      this.requested ? h('p', { class: 'requested', role: 'status' }, t('help.requested')) : null,
      this.resources?.length ? h('section', { 'aria-labelledby': 'res-h' }, h('h3', { id: 'res-h' }, t('help.yourResources')),
        h('ul', { class: 'resources' }, this.resources.map((r) => h('li', null,
          h('strong', { dir: 'auto' }, r.name),
          r.description ? [' — ', h('span', { dir: 'auto' }, r.description)] : null,
          r.phone ? [' · ', h('a', { href: `tel:${r.phone.replace(/[^\d+]/g, '')}` }, h('bdi', { dir: 'ltr' }, r.phone))] : null,
          r.sms ? [' · SMS ', h('bdi', { dir: 'ltr' }, r.sms)] : null,
          r.url ? [' · ', h('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank' }, h('bdi', { dir: 'ltr' }, r.url))] : null)))) : null,
    ];
  }

  /** The participant's private support panel (only once crisis staff wrote). */
  renderSupport() {
    if (this.messages.length === 0) return h('div', { class: 'support-slot' });
    const text = h('textarea', { name: 'support-reply', rows: 2, maxlength: 4000, dir: 'auto' });
    return h('section', { class: 'panel support support-slot', 'aria-labelledby': 'support-h' },
      h('h2', { id: 'support-h' }, t('support.title')),
      h('p', { class: 'hint' }, t('support.hint')),
      h('ol', { class: 'checkin-list' }, this.messages.map((m) => h('li', null,
        h('span', { class: 'message-author' }, m.from === 'crisis-staff' ? t('support.staff') : t('crisis.channelYou')), ' ',
        h('span', { dir: 'auto' }, m.text)))),
      h('form', { onSubmit: async (e) => {
        e.preventDefault();
        const value = text.value.trim();
        if (!value || !this.caseId) return;
        const sent = await this.screen.act(() => this.screen.client.replyToCrisisStaff({ caseId: this.caseId, text: value }));
        if (sent) { text.value = ''; this.onPrivateMessage(sent); }
      } }, field(t('support.reply'), text), h('button', { type: 'submit', class: 'button-primary' }, t('support.send'))));
  }

  /** Whether the server has the crisis feature (flag, or found at run time). */
  get available() { return features.crisis || Boolean(this.screen.app.capabilities?.crisis) || this.alerts.length > 0; }

  /** Facilitators: the alerts section of their panel (risk alerts, and rate-limit notes). */
  renderAlerts() {
    const notes = this.notes;
    if (!this.available && notes.length === 0) return null;
    return h('section', { class: 'panel-section alerts' }, h('h3', null, t('fac.alerts')),
      this.alerts.length === 0 && notes.length === 0 ? h('p', null, t('fac.alertsEmpty')) : h('ul', { role: 'list', class: 'reports' },
        this.alerts.map((a) => h('li', { class: `severity-${a.severity}` }, tParts('fac.alert', { name: userText(a.pseudonym), level: t(`crisis.level.${a.severity}`) }),
          a.categories?.length ? h('span', { class: 'meta' }, ` · ${a.categories.join(', ')}`) : null)),
        notes.map((text) => h('li', { class: 'security-note' }, text))));
  }

  /** Facilitators: escalate a participant to crisis staff. */
  escalate(participantId) {
    return this.screen.act(async () => {
      const r = await this.screen.client.escalateParticipant({ roomId: this.screen.roomId, participantId });
      announce(t('fac.escalated'));
      return r;
    });
  }
}
