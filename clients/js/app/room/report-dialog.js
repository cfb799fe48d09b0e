// Reporting a message to the room's facilitators: a small modal dialog with an optional reason.
// Resolves with the reason ('' when none) or null when cancelled.
import { h, field } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

export function askReportReason(message) {
  return new Promise((resolve) => {
    const reason = h('textarea', { name: 'reason', rows: 3, maxlength: 500, dir: 'auto' });
    const dialog = h('dialog', { class: 'report-dialog', 'aria-labelledby': 'report-h' },
      h('form', { method: 'dialog', onSubmit: (e) => { e.preventDefault(); done(reason.value.trim()); } },
        h('h2', { id: 'report-h' }, t('room.report.title')),
        h('blockquote', { dir: 'auto' }, message.text.slice(0, 280)),
        field(t('room.report.reason'), reason),
        h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'button-primary' }, t('room.report.send')),
          h('button', { type: 'button', onClick: () => done(null) }, t('room.report.cancel')))));
    dialog.addEventListener('cancel', () => done(null));
    const opener = document.activeElement;
    function done(value) {
      dialog.close();
      dialog.remove();
      opener?.focus?.();
      resolve(value);
    }
    document.body.append(dialog);
    dialog.showModal();
    reason.focus();
  });
}
