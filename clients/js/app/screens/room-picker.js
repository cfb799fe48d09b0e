// Pick a room (GET /api/rooms: the public directory; facilitators see the rooms they facilitate).
// Admins also get a small form to create a room.
import { h, field, userText } from '../ui/dom.js';
import { t, tParts } from '../i18n/i18n.js';
import { announce } from '../ui/announcer.js';
import { listRooms, apiRequest } from '../../src/index.js';
import { hasRole } from '../session.js';

const LANGUAGE_NAMES = { en: 'English', es: 'Español', ar: 'العربية' };

export class RoomPickerScreen {
  constructor(app) {
    this.app = app;
    this.rooms = null;
    this.error = '';
    this.load();
  }

  async load() {
    try {
      this.rooms = await listRooms('', this.app.session.token);
      this.error = '';
    } catch (err) {
      if (err.status === 401) return this.app.signOut();
      this.error = t('rooms.loadFailed', { reason: err.message });
    }
    if (this.app.screen === this) this.app.render();
  }

  render() {
    const session = this.app.session;
    const list = this.rooms === null
      ? h('p', { 'aria-busy': 'true' }, t('app.loading'))
      : this.rooms.length === 0
        ? h('p', null, t('rooms.empty'))
        : h('ul', { class: 'room-list', role: 'list' }, this.rooms.map((room) => this.renderRoom(room)));
    return h('div', { class: 'stack' },
      h('h1', null, t('rooms.title')),
      this.error ? h('p', { class: 'error', role: 'alert' }, this.error) : null,
      list,
      hasRole(session, 'crisis-staff') ? h('p', null, h('a', { href: '/crisis' }, t('rooms.crisisConsole'))) : null,
      hasRole(session, 'admin') ? this.renderCreateForm() : null);
  }

  renderRoom(room) {
    return h('li', { class: 'card room-card' },
      h('h2', { lang: room.language }, userText(room.name)),
      room.description ? h('p', { dir: 'auto', lang: room.language }, room.description) : null,
      h('p', { class: 'meta' },
        t('rooms.language', { language: LANGUAGE_NAMES[room.language] ?? room.language }), ' · ',
        t('rooms.capacity', { count: room.capacity })),
      // Visible "Join", heard as "Join <room>": the accessible name contains the visible text.
      h('button', { type: 'button', class: 'button-primary', onClick: () => this.app.join(room) },
        tParts('rooms.join', { room: h('span', { class: 'visually-hidden' }, userText(room.name)) })));
  }

  renderCreateForm() {
    const name = h('input', { name: 'name', required: true, maxlength: 100 });
    const description = h('input', { name: 'description', maxlength: 500 });
    const guidelines = h('textarea', { name: 'guidelines', rows: 3, maxlength: 4000 });
    const facilitators = h('input', { name: 'facilitators' });
    const form = h('form', { class: 'card', onSubmit: async (e) => {
      e.preventDefault();
      try {
        await apiRequest('', '/api/rooms', { method: 'POST', token: this.app.session.token, body: {
          name: name.value, description: description.value, guidelines: guidelines.value,
          facilitators: facilitators.value.split(',').map((s) => s.trim()).filter(Boolean),
        } });
        announce(t('rooms.created'));
        form.reset();
        this.load();
      } catch (err) {
        announce(err.message);
      }
    } },
    h('h2', null, t('rooms.create')),
    field(t('rooms.name'), name), field(t('rooms.description'), description),
    field(t('rooms.guidelines'), guidelines), field(t('rooms.facilitators'), facilitators),
    h('button', { type: 'submit' }, t('rooms.create')));
    return form;
  }
}
