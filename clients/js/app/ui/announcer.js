// ARIA live regions: polite for new messages and arrivals, assertive for alerts (removal, crisis
// pages, connection loss). They live outside the screens so re-rendering never drops an announcement.
import { h } from './dom.js';

let polite;
let assertive;

export function installAnnouncer(root = document.body) {
  polite = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'false', id: 'announcer-polite' });
  assertive = h('div', { class: 'visually-hidden', role: 'alert', 'aria-live': 'assertive', id: 'announcer-alert' });
  root.append(polite, assertive);
}

function say(region, text) {
  if (!region) return;
  const line = h('p', null, text);
  region.append(line);
  // Keep the region small; screen readers have already read what was added.
  while (region.childElementCount > 5) region.firstElementChild.remove();
}

/** Announces politely (new message, someone joined). */
export function announce(text) { say(polite, text); }

/** Announces at once (an alert that needs attention). */
export function alertNow(text) { say(assertive, text); }
