// The PeerRooms web app: one page, screens chosen by path and state. `/` is for participants and
// facilitators (sign in → rooms → join → room), `/crisis` is the crisis console.
import { RoomsClient } from '../src/index.js';
import { h, replaceChildren, focusFirst } from './ui/dom.js';
import { installAnnouncer } from './ui/announcer.js';
import { LANGUAGES, t, tParts, setLanguage, language, onLanguageChange, preferredLanguage } from './i18n/i18n.js';
import { loadSession, saveSession, clearSession, savedLanguage, saveLanguage } from './session.js';
import { tokenFactory } from './auth.js';
import { SignInScreen } from './screens/sign-in.js';
import { RoomPickerScreen } from './screens/room-picker.js';
import { JoinScreen } from './screens/join.js';
import { RoomScreen } from './room/room-screen.js';
import { CrisisConsoleScreen } from './crisis/crisis-console.js';
import { renderHelp } from './room/help-card.js';
import { hasCrisisFeature } from './capabilities.js';

/** What screens share: the signed-in session, the hub client, and navigation. */
class App {
  constructor(root) {
    this.root = root;
    this.session = loadSession();
    /** @type {RoomsClient | null} */
    this.client = null;
    this.screen = null;
    /** Optional server features found at run time (see capabilities.js). */
    this.capabilities = { crisis: false };
    this.header = h('header', { class: 'app-header' });
    this.main = h('main', { id: 'main', tabindex: '-1', class: 'app-main' });
    replaceChildren(root, this.header, this.main);
    const skip = document.querySelector('.skip-link');
    onLanguageChange(() => {
      if (skip) skip.textContent = t('app.skip');
      document.title = t('app.title');
      this.render();
    });
  }

  get isCrisisConsole() { return location.pathname.replace(/\/$/, '') === '/crisis'; }

  detectCapabilities() {
    if (!this.session) return;
    hasCrisisFeature(this.session.token).then((crisis) => {
      if (crisis === this.capabilities.crisis) return;
      this.capabilities.crisis = crisis;
      if (this.screen instanceof RoomScreen) this.render();
    });
  }

  start() {
    setLanguage(preferredLanguage(savedLanguage(this.session?.userId)));
    this.detectCapabilities();
    if (!this.session) return this.show(new SignInScreen(this));
    if (this.isCrisisConsole) return this.show(new CrisisConsoleScreen(this));
    return this.show(new RoomPickerScreen(this));
  }

  /** Signs in (development token) and goes on to the first screen. */
  async signIn(session) {
    this.session = session;
    saveSession(session);
    saveLanguage(session.userId, language());
    this.detectCapabilities();
    this.renderHeader();
    this.show(this.isCrisisConsole ? new CrisisConsoleScreen(this) : new RoomPickerScreen(this));
  }

  async signOut() {
    const client = this.client;
    this.client = null;
    await client?.stop();
    clearSession();
    this.session = null;
    this.show(new SignInScreen(this));
  }

  /** The rooms hub client, connected on first use. */
  async roomsClient() {
    if (this.client && this.client.state !== 'stopped') {
      if (this.client.state === 'disconnected') await this.client.start();
      return this.client;
    }
    const client = new RoomsClient({
      accessTokenFactory: tokenFactory(this),
      protocol: new URLSearchParams(location.search).get('protocol') === 'json' ? 'json' : 'messagepack',
    });
    this.client = client;
    await client.start();
    return client;
  }

  rooms() { this.show(new RoomPickerScreen(this)); }
  join(room) { this.show(new JoinScreen(this, room)); }
  enterRoom(room, response) { this.show(new RoomScreen(this, room, response)); }

  show(screen) {
    this.screen?.dispose?.();
    this.screen = screen;
    this.render();
    focusFirst(this.main);
  }

  render() {
    this.renderHeader();
    if (this.screen) replaceChildren(this.main, this.screen.render());
  }

  renderHeader() {
    const select = h('select', { id: 'language', class: 'lang-select', onChange: (e) => {
      saveLanguage(this.session?.userId, e.target.value);
      setLanguage(e.target.value);
    } }, LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === language() }, l.name)));
    // "I need help now" is one tap away everywhere; in a room the room's own button also tells crisis staff.
    const help = this.session && !(this.screen instanceof RoomScreen) && !this.isCrisisConsole ? renderHelp({}) : null;
    replaceChildren(this.header,
      h('div', { class: 'brand' }, h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }), h('span', null, t('app.title'))),
      h('nav', { class: 'header-tools', 'aria-label': t('app.title') },
        h('label', { for: 'language', class: 'lang-label' }, t('lang.label')), select,
        this.session ? h('span', { class: 'who' }, tParts('nav.signedInAs', { user: h('bdi', { dir: 'auto' }, this.session.userId) })) : null,
        help?.button, help?.dialog,
        this.session ? h('button', { type: 'button', class: 'button-quiet', onClick: () => this.signOut() }, t('nav.signOut')) : null));
  }
}

installAnnouncer();
new App(document.getElementById('app')).start();
