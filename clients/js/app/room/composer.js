// Writing a message: a labelled textarea (Enter sends, Shift+Enter adds a line), typing signals
// (at most one "typing" per few seconds, "stopped" after a pause or on send), and a send button.
import { h, field } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { features } from '../features.js';
import { renderComposerDisclosure } from './disclosure-fields.js';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;

export class Composer {
  /** @param {{ onSend: (text: string, options: { audience: string, topics: Set<string> }) => Promise<void>, onTyping: (typing: boolean) => void }} handlers */
  constructor(handlers) {
    this.handlers = handlers;
    this.draft = '';
    this.lastTypingSent = 0;
    this.idleTimer = null;
    /** Sends in flight, chained so they keep their order. */
    this.pending = Promise.resolve();
    /** Disclosure: who the next message is for and its content-warning topics. */
    this.options = { audience: 'everyone', topics: new Set() };
  }

  render() {
    const input = h('textarea', { name: 'message', rows: 2, dir: 'auto', maxlength: 4000, placeholder: t('room.composer.placeholder'),
      value: this.draft, onInput: (e) => this.onInput(e.target.value),
      onKeydown: (e) => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.send(input); } } });
    this.input = input;
    return h('form', { class: 'composer', onSubmit: (e) => { e.preventDefault(); this.send(input); } },
      features.disclosure ? renderComposerDisclosure(this.options) : null,
      field(t('room.composer.label'), input, t('room.composer.hint')),
      h('button', { type: 'submit', class: 'button-primary send-button' }, t('room.composer.send')));
  }

  onInput(value) {
    this.draft = value;
    const now = Date.now();
    if (value && now - this.lastTypingSent > TYPING_REPEAT_MS) {
      this.lastTypingSent = now;
      this.handlers.onTyping(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.idleTimer);
    if (this.lastTypingSent) {
      this.lastTypingSent = 0;
      this.handlers.onTyping(false);
    }
  }

  /**
   * Sends the draft. The box clears at once so the person can write on; sends go out one after
   * another in order, and a refused one puts its text back (if the box is still empty).
   */
  send(input) {
    const text = this.draft.trim();
    if (!text) return;
    const options = { audience: this.options.audience, topics: new Set(this.options.topics) };
    this.options.topics.clear();
    for (const box of input.form?.querySelectorAll('input[name=topic]') ?? []) box.checked = false;
    this.draft = '';
    input.value = '';
    this.stopTyping();
    input.focus();
    this.pending = this.pending.then(async () => {
      try {
        await this.handlers.onSend(text, options);
      } catch {
        // Refused or cut off: the screen shows why; the text comes back for another try.
        if (!input.value) { input.value = text; this.draft = text; }
      }
    });
  }

  dispose() { clearTimeout(this.idleTimer); }
}
