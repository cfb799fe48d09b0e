// Sign-in (Development: POST /api/dev/token for any user id and role).
import { h, field } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { devSignIn } from '../auth.js';

const ROLES = ['participant', 'facilitator', 'crisis-staff', 'admin'];

export class SignInScreen {
  constructor(app) {
    this.app = app;
    this.userId = '';
    this.role = app.isCrisisConsole ? 'crisis-staff' : 'participant';
    this.error = '';
  }

  render() {
    const userId = h('input', { name: 'userId', autocomplete: 'username', required: true, maxlength: 128, value: this.userId,
      pattern: '[A-Za-z0-9_.@-]+', 'data-autofocus': true, onInput: (e) => { this.userId = e.target.value; } });
    const roles = h('fieldset', { class: 'roles' }, h('legend', null, t('signin.role')),
      ROLES.map((role) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'role', value: role, checked: role === this.role, onChange: () => { this.role = role; } }),
        ' ', t(`role.${role}`))));
    const error = h('p', { class: 'error', role: 'alert' }, this.error);
    const form = h('form', { class: 'card narrow', onSubmit: async (e) => {
      e.preventDefault();
      if (!form.reportValidity()) return;
      try {
        await this.app.signIn(await devSignIn(this.userId.trim(), [this.role]));
      } catch (err) {
        this.error = t('signin.failed', { reason: err.message });
        error.textContent = this.error;
      }
    } },
    h('h1', null, t('signin.title')),
    h('p', null, t('signin.intro')),
    h('p', { class: 'note' }, t('signin.devNote')),
    field(t('signin.userId'), userId, t('signin.userIdHint')),
    roles,
    error,
    h('button', { type: 'submit', class: 'button-primary' }, t('signin.submit')));
    return form;
  }
}
