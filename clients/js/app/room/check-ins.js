// Private messages between a facilitator and a participant ("check-ins"): never stored, never seen by
// the room. Participants write to the room's facilitators; facilitators to anyone present (or waiting).
import { h, field, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';

/**
 * @param {import('./room-screen.js').RoomScreen} screen
 */
export function renderCheckIns(screen) {
  const me = screen.me.participantId;
  const people = [...screen.roster.values(), ...screen.lobby].filter((p, i, all) => p.participantId !== me && all.findIndex((q) => q.participantId === p.participantId) === i);
  const recipients = screen.isFacilitator ? people : people.filter((p) => p.role === 'facilitator');
  if (recipients.length === 0 && screen.checkIns.length === 0) return null;
  const to = h('select', { name: 'checkin-to', id: 'checkin-to' }, recipients.map((p) =>
    h('option', { value: p.participantId, selected: p.participantId === screen.checkInTo }, p.displayName)));
  const text = h('textarea', { name: 'checkin-text', id: 'checkin-text', rows: 2, maxlength: 2000, dir: 'auto' });
  const form = h('form', { class: 'checkin-form', onSubmit: async (e) => {
    e.preventDefault();
    if (!text.value.trim() || !to.value) return;
    screen.checkInTo = to.value;
    if (await screen.sendCheckIn(to.value, text.value.trim())) text.value = '';
    text.focus();
  } },
  field(t('room.checkins.to'), to), field(t('room.checkins.text'), text),
  h('button', { type: 'submit' }, t('room.checkins.send')));
  return h('section', { class: 'panel-section checkins', 'aria-labelledby': 'checkins-h' },
    h('h3', { id: 'checkins-h' }, t('room.checkins')),
    h('p', { class: 'hint' }, t('room.checkins.hint')),
    screen.checkIns.length === 0 ? h('p', null, t('room.checkins.empty')) :
      h('ol', { class: 'checkin-list' }, screen.checkIns.map((m) => h('li', null,
        h('span', { class: 'meta' }, tParts('room.checkins.line', {
          from: userText(m.fromParticipantId === me ? t('room.you') : m.fromDisplayName),
          to: userText(m.toParticipantId === me ? t('room.you') : screen.nameOf(m.toParticipantId)),
        })),
        h('p', { dir: 'auto', class: 'message-text' }, m.text)))),
    recipients.length ? form : null);
}
