// The crisis console (/crisis) for crisis staff: live pages (announced as they arrive), claim /
// acknowledge / resolve, case notes, and a private channel with the participant. It connects to
// /hubs/crisis; a server without the crisis feature answers 404 and the console says so.
import { h, replaceChildren } from '../ui/dom.js';
import { t, errorText } from '../i18n/i18n.js';
import { announce, alertNow } from '../ui/announcer.js';
import { hasRole } from '../session.js';
import { CrisisClient } from '../../src/index.js';
import { tokenFactory } from '../auth.js';
import { renderCase } from './case-card.js';

const SEVERITY_RANK = { imminent: 0, high: 1, concern: 2, none: 3 };

export class CrisisConsoleScreen {
  constructor(app) {
    this.app = app;
    /** @type {Map<string, import('../../src/index.js').CaseView>} active cases by id */
    this.cases = new Map();
    this.details = new Map();
    this.channels = new Map();
    this.openDetails = new Set();
    this.status = 'connecting';
    this.notice = '';
    this.client = null;
    this.els = {};
    if (this.allowed) this.connect();
  }

  get allowed() { return hasRole(this.app.session, 'crisis-staff') || hasRole(this.app.session, 'admin'); }

  async connect() {
    const client = new CrisisClient({ accessTokenFactory: tokenFactory(this.app) });
    this.client = client;
    client.on('OpenCases', (cases) => { this.cases = new Map(cases.map((c) => [c.caseId, c])); this.refresh(); });
    client.on('CasePaged', (page) => {
      this.upsert(page.case);
      alertNow(t('crisis.newPage', { name: page.case.pseudonym, room: page.case.roomName, level: t(`crisis.level.${page.case.severity}`) }));
    });
    client.on('CaseUpdated', (c) => this.upsert(c));
    client.on('PrivateMessageReceived', (m) => { this.onPrivateMessage(m); announce(`${this.cases.get(m.caseId)?.pseudonym ?? ''}: ${m.text.slice(0, 200)}`); });
    client.on('stateChanged', ({ state }) => { if (state === 'connected' || state === 'reconnecting') { this.status = state; this.refreshStatus(); } });
    try {
      await client.start();
      this.status = 'connected';
      for (const c of await client.getOpenCases()) this.cases.set(c.caseId, c);
    } catch (err) {
      this.status = err.cause?.statusCode === 404 || /404/.test(err.message) ? 'unavailable' : 'failed';
      this.notice = this.status === 'failed' ? errorText(err) : '';
    }
    if (this.app.screen === this) this.app.render();
  }

  dispose() { this.client?.stop(); }

  upsert(c) {
    if (c.state === 'resolved') this.cases.delete(c.caseId);
    else this.cases.set(c.caseId, c);
    this.refreshCase(c.caseId);
  }

  onPrivateMessage(m) {
    const list = this.channels.get(m.caseId) ?? [];
    if (!list.some((x) => x.messageId === m.messageId)) list.push(m);
    this.channels.set(m.caseId, list);
    this.refreshCase(m.caseId);
  }

  async loadDetails(caseId) {
    try { this.details.set(caseId, await this.client.getCase(caseId)); } catch { /* shown as no notes */ }
    this.refreshCase(caseId);
  }

  toggleDetails(caseId, open) {
    if (open === this.openDetails.has(caseId)) return;
    if (open) { this.openDetails.add(caseId); this.loadDetails(caseId); } else this.openDetails.delete(caseId);
  }

  /** Runs a staff action; the new case state arrives as the result (and as CaseUpdated). */
  async act(action, doneText) {
    this.setNotice('');
    try {
      const result = await action();
      if (result?.caseId && result.state) this.upsert(result);
      if (doneText) announce(doneText);
      return result ?? true;
    } catch (err) {
      this.setNotice(t('room.actionFailed', { reason: errorText(err) }));
      alertNow(this.notice);
      return undefined;
    }
  }

  setNotice(text) {
    this.notice = text;
    if (this.els.notice) replaceChildren(this.els.notice, text);
  }

  sorted() {
    return [...this.cases.values()].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9)
      || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  }

  render() {
    this.els = {};
    if (!this.allowed) return h('section', { class: 'card narrow' }, h('h1', null, t('crisis.title')), h('p', null, t('crisis.needRole')));
    this.els.status = h('p', { class: 'meta', role: 'status' }, this.statusText());
    this.els.notice = h('p', { class: 'error', role: 'status' }, this.notice);
    this.els.list = h('ul', { class: 'cases', role: 'list' });
    this.fillList();
    return h('div', { class: 'stack crisis-console' },
      h('h1', null, t('crisis.title')),
      this.els.status, this.els.notice,
      h('section', { class: 'panel', 'aria-labelledby': 'pages-h' }, h('h2', { id: 'pages-h' }, t('crisis.pages')), this.els.list));
  }

  statusText() {
    if (this.status === 'unavailable') return t('crisis.unavailable');
    if (this.status === 'connecting') return t('crisis.connecting');
    return t(`room.status.${this.status === 'failed' ? 'disconnected' : this.status}`);
  }

  fillList() {
    const cases = this.sorted();
    if (cases.length === 0) replaceChildren(this.els.list, this.status === 'connected' ? h('li', { class: 'empty' }, t('crisis.noPages')) : null);
    else replaceChildren(this.els.list, cases.map((c) => renderCase(c, this)));
  }

  refresh() { if (this.els.list) this.fillList(); }

  refreshStatus() { if (this.els.status) replaceChildren(this.els.status, this.statusText()); }

  /** Re-renders one case in place, keeping keyboard focus on the same control. */
  refreshCase(caseId) {
    if (!this.els.list) return;
    const focusKey = document.activeElement?.dataset?.key;
    const old = this.els.list.querySelector(`[data-case-id="${CSS.escape(caseId)}"]`);
    const c = this.cases.get(caseId);
    if (!old || !c) { this.fillList(); } else old.replaceWith(renderCase(c, this));
    if (focusKey) (this.els.list.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) ?? this.els.list.querySelector(`[data-case-id="${CSS.escape(caseId)}"] h3`))?.focus?.();
  }
}
