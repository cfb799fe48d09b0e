// Building DOM safely: text always goes in as text nodes (never innerHTML), so nothing a user types
// can become markup. h('button', { class: 'x', onClick: f }, 'Label').

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [props] attributes; onX are listeners; value/checked/disabled are properties
 * @param {...any} children strings, nodes, arrays, null/false (skipped)
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') el[key] = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Text written by people (names, messages, guidelines): isolated so a right-to-left name does not
 * reorder the sentence around it, and each text picks its own direction from its first letters.
 */
export function userText(text, tag = 'bdi') {
  return h(tag, { dir: 'auto' }, text);
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'id') { return `${prefix}-${++idCounter}`; }

/** A labelled form field: label, control and optional hint, wired with for/aria-describedby. */
export function field(label, control, hint) {
  const id = control.id || (control.id = uid('f'));
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, control);
}

/** Moves focus to an element (e.g. a new screen's heading) so keyboard and screen-reader users follow. */
export function focusFirst(el) {
  const target = el.querySelector('[data-autofocus]') ?? el.querySelector('h1, h2');
  if (target) {
    if (!target.hasAttribute('tabindex') && !/^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }
}
