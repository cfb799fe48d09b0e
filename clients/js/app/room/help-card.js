// "I need help now": always one tap away in the room header. It opens a private card with crisis
// resources that only this person sees. When the crisis feature lands, the card also offers to tell
// the facilitator privately (and the server pages crisis staff).
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { features } from '../features.js';

/**
 * The help button and its dialog. `onOpen` runs as the card opens (the room asks the server to page
 * crisis staff); `extras` are nodes from the server (its resources, "staff were told");
 * `onTellFacilitator` focuses a private message to the facilitator.
 */
export function renderHelp({ onTellFacilitator, onOpen, extras } = {}) {
  const dialog = h('dialog', { class: 'help-card', 'aria-labelledby': 'help-title' },
    // Focus starts at the title so the card is read (and shown on small screens) from the top.
    h('h2', { id: 'help-title', tabindex: '-1', 'data-autofocus': true }, t('help.title')),
    h('p', { class: 'private-note' }, t('help.private')),
    h('div', { class: 'help-extras' }, extras ?? null),
    h('p', { class: 'emergency' }, t('help.emergency')),
    h('p', null, t('help.lines')),
    h('ul', null, ['help.line.us', 'help.line.uk', 'help.line.es', 'help.line.intl'].map((key) => h('li', null, t(key)))),
    h('div', { class: 'actions' },
      features.privateMessages && onTellFacilitator
        ? h('button', { type: 'button', class: 'button-primary', onClick: () => { dialog.close(); onTellFacilitator(); } }, t('help.tellFacilitator'))
        : null,
      h('button', { type: 'button', onClick: () => dialog.close() }, t('help.close'))));
  const button = h('button', { type: 'button', class: 'help-button', 'aria-haspopup': 'dialog',
    onClick: () => { dialog.showModal(); dialog.querySelector('[data-autofocus]')?.focus(); onOpen?.(); } }, t('help.button'));
  return { button, dialog };
}
