// The crisis console (/crisis) for crisis staff: live pages with claim / acknowledge / resolve,
// case notes, and a private channel with the participant. The pages come from the crisis feature's
// hub; until it is on this server (features.crisis), the console says so instead of pretending.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { features } from '../features.js';
import { hasRole } from '../session.js';

export class CrisisConsoleScreen {
  constructor(app) {
    this.app = app;
    /** Open pages, newest first (filled by the crisis hub client once the feature lands). */
    this.pages = [];
  }

  render() {
    if (!hasRole(this.app.session, 'crisis-staff') && !hasRole(this.app.session, 'admin')) {
      return h('section', { class: 'card narrow' }, h('h1', null, t('crisis.title')), h('p', null, t('crisis.needRole')));
    }
    return h('div', { class: 'stack crisis-console' },
      h('h1', null, t('crisis.title')),
      h('section', { class: 'panel', 'aria-labelledby': 'pages-h' },
        h('h2', { id: 'pages-h' }, t('crisis.pages')),
        !features.crisis ? h('p', { class: 'note' }, t('crisis.unavailable')) : null,
        this.pages.length === 0 ? h('p', null, t('crisis.noPages')) : h('ul', { role: 'list', class: 'pages' })));
  }
}
