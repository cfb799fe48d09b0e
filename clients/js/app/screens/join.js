// Before joining: the room's guidelines (accepted by version), a pseudonym, and (when the disclosure
// feature is on) what to share with whom. Errors from JoinRoom are shown next to the field they
// concern.
import { h, field, userText } from '../ui/dom.js';
import { t, tParts, errorText } from '../i18n/i18n.js';
import { features } from '../features.js';
import { renderDisclosureFields, attributesFrom } from '../room/disclosure-fields.js';

export class JoinScreen {
  constructor(app, room) {
    this.app = app;
    this.room = room;
    this.displayName = '';
    this.accepted = false;
    this.error = null;
    this.busy = false;
    /** Disclosure choices: { [kind]: { value, audience } }. */
    this.disclosure = {};
  }

  render() {
    const room = this.room;
    const nameInput = h('input', { name: 'displayName', required: true, maxlength: 40, autocomplete: 'nickname', dir: 'auto',
      value: this.displayName, 'data-autofocus': true, 'aria-invalid': this.error?.field === 'name' ? 'true' : null,
      onInput: (e) => { this.displayName = e.target.value; } });
    const accept = h('input', { type: 'checkbox', name: 'accept', required: true, checked: this.accepted,
      onChange: (e) => { this.accepted = e.target.checked; } });
    const form = h('form', { class: 'card narrow', onSubmit: (e) => { e.preventDefault(); if (form.reportValidity()) this.submit(); } },
      h('h1', null, tParts('join.title', { room: userText(room.name) })),
      h('section', { 'aria-labelledby': 'guidelines-h' },
        h('h2', { id: 'guidelines-h' }, t('join.guidelines')),
        h('div', { class: 'guidelines', dir: 'auto', lang: room.language }, room.guidelines?.trim() || t('join.noGuidelines')),
        h('label', { class: 'choice' }, accept, ' ', t('join.accept'))),
      field(t('join.pseudonym'), nameInput, t('join.pseudonymHint')),
      features.disclosure ? this.renderDisclosure() : null,
      this.error ? h('p', { class: 'error', role: 'alert' }, this.error.text) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button-primary', disabled: this.busy }, t('join.submit')),
        h('button', { type: 'button', class: 'button-quiet', onClick: () => this.app.rooms() }, t('join.back'))));
    return form;
  }

  /** Disclosure (lands with the disclosure feature): attributes, each with its audience. */
  renderDisclosure() {
    return h('fieldset', { class: 'disclosure' }, h('legend', null, t('join.disclosure')), h('p', { class: 'hint' }, t('join.disclosureHint')),
      renderDisclosureFields(this.disclosure));
  }

  async submit() {
    this.busy = true;
    this.error = null;
    this.app.render();
    try {
      const client = await this.app.roomsClient();
      const response = await client.joinRoom({
        roomId: this.room.id,
        displayName: this.displayName.trim(),
        acceptedGuidelinesVersion: this.accepted ? this.room.guidelinesVersion : null,
        ...(features.disclosure ? { attributes: attributesFrom(this.disclosure) } : {}),
      });
      this.app.enterRoom(this.room, response);
    } catch (err) {
      this.busy = false;
      this.error = { text: errorText(err), field: ['invalid_display_name', 'display_name_taken'].includes(err.code) ? 'name' : null };
      this.app.render();
      document.querySelector(this.error.field === 'name' ? 'input[name=displayName]' : '.error')?.focus?.();
    }
  }
}
