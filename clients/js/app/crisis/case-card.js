// One escalation case in the crisis console: who and where (pseudonym, room), severity, signals,
// the triggering message, and what the signed-in staff member may do next: claim, release,
// acknowledge (stops paging), resolve with an outcome; notes; the private channel with the person.
import { h, field, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';
import { CASE_OUTCOMES } from '../../src/index.js';
import { formatTime } from '../room/message-view.js';

/**
 * @param {import('../../src/index.js').CaseView} c
 * @param {import('./crisis-console.js').CrisisConsoleScreen} screen
 */
export function renderCase(c, screen) {
  const mine = c.owner && c.owner === screen.app.session.userId;
  const headingId = `case-${c.caseId}-h`;
  const key = (name) => ({ 'data-key': `${c.caseId}:${name}` });
  const actions = [];
  if (c.state === 'open') actions.push(h('button', { type: 'button', class: 'button-primary', ...key('claim'), onClick: () => screen.act(() => screen.client.claimCase(c.caseId)) }, t('crisis.claim')));
  if (mine && c.state === 'claimed') {
    actions.push(h('button', { type: 'button', class: 'button-primary', ...key('ack'), onClick: () => screen.act(() => screen.client.acknowledgeCase(c.caseId)) }, t('crisis.acknowledge')));
    actions.push(h('button', { type: 'button', ...key('release'), onClick: () => screen.act(() => screen.client.releaseCase(c.caseId)) }, t('crisis.release')));
  }
  return h('li', { class: ['case', `severity-${c.severity}`], 'data-case-id': c.caseId },
    h('article', { 'aria-labelledby': headingId },
      h('h3', { id: headingId }, tParts('crisis.caseTitle', { name: userText(c.pseudonym), room: userText(c.roomName) })),
      h('p', { class: 'case-meta' },
        h('span', { class: `badge severity-badge severity-${c.severity}` }, t('crisis.severity', { level: t(`crisis.level.${c.severity}`) })), ' ',
        t('crisis.state', { state: t(`crisis.stateName.${c.state}`) }), ' · ',
        t('crisis.trigger', { trigger: t(`crisis.triggerName.${c.trigger}`) }), ' · ',
        h('time', { datetime: new Date(c.createdAt).toISOString() }, formatTime(c.createdAt))),
      c.categories?.length ? h('p', { class: 'meta' }, t('crisis.categories', { list: c.categories.join(', ') })) : null,
      c.owner ? h('p', { class: 'meta' }, mine ? t('crisis.ownerYou') : t('crisis.owner', { owner: c.owner })) : null,
      c.triggeringMessage ? h('figure', { class: 'triggering' }, h('figcaption', null, t('crisis.message')),
        h('blockquote', { dir: 'auto' }, c.triggeringMessage.text)) : null,
      actions.length ? h('div', { class: 'actions' }, actions) : null,
      mine && (c.state === 'claimed' || c.state === 'acknowledged') ? renderResolve(c, screen, key) : null,
      mine && (c.state === 'claimed' || c.state === 'acknowledged') ? renderChannel(c, screen, key) : null,
      renderDetails(c, screen, key)));
}

function renderResolve(c, screen, key) {
  const outcome = h('select', { name: 'outcome', ...key('outcome') }, CASE_OUTCOMES.map((o) => h('option', { value: o }, t(`crisis.outcomeName.${o}`))));
  const note = h('input', { name: 'note', maxlength: 4000, dir: 'auto', ...key('resolve-note') });
  return h('form', { class: 'resolve-form', onSubmit: (e) => {
    e.preventDefault();
    screen.act(() => screen.client.resolveCase({ caseId: c.caseId, outcome: outcome.value, note: note.value.trim() || undefined }), t('crisis.resolved'));
  } }, field(t('crisis.outcome'), outcome), field(t('crisis.note'), note),
  h('button', { type: 'submit', ...key('resolve') }, t('crisis.resolve')));
}

function renderChannel(c, screen, key) {
  const messages = screen.channels.get(c.caseId) ?? [];
  const text = h('textarea', { name: 'private', rows: 2, maxlength: 4000, dir: 'auto', ...key('channel-text') });
  return h('section', { class: 'channel', 'aria-label': t('crisis.channel') },
    h('h4', null, t('crisis.channel')),
    messages.length === 0 ? h('p', { class: 'meta' }, t('crisis.channelEmpty')) : h('ol', { class: 'checkin-list' }, messages.map((m) =>
      h('li', null, h('span', { class: 'message-author' }, m.from === 'crisis-staff' ? t('crisis.channelYou') : userText(c.pseudonym)), ' ',
        h('span', { dir: 'auto' }, m.text)))),
    h('form', { onSubmit: async (e) => {
      e.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      const sent = await screen.act(() => screen.client.sendPrivateMessage({ caseId: c.caseId, text: value }));
      if (sent) { text.value = ''; screen.onPrivateMessage(sent); }
    } }, field(t('room.checkins.text'), text), h('button', { type: 'submit', ...key('channel-send') }, t('crisis.send'))));
}

function renderDetails(c, screen, key) {
  const detail = screen.details.get(c.caseId);
  const note = h('input', { name: 'case-note', maxlength: 4000, dir: 'auto', ...key('note-text') });
  return h('details', { class: 'case-details', open: screen.openDetails.has(c.caseId), onToggle: (e) => screen.toggleDetails(c.caseId, e.target.open) },
    h('summary', null, t('crisis.showDetails')),
    h('h4', null, t('crisis.notes')),
    !detail?.notes?.length ? h('p', { class: 'meta' }, t('crisis.noNotes')) : h('ul', null, detail.notes.map((n) =>
      h('li', null, h('span', { class: 'meta' }, `${n.author} · ${formatTime(n.at)}`), ' ', h('span', { dir: 'auto' }, n.text)))),
    h('form', { onSubmit: async (e) => {
      e.preventDefault();
      if (!note.value.trim()) return;
      if (await screen.act(() => screen.client.addCaseNote(c.caseId, note.value.trim()))) { note.value = ''; screen.loadDetails(c.caseId); }
    } }, field(t('crisis.note'), note), h('button', { type: 'submit', ...key('note-add') }, t('crisis.addNote'))));
}
