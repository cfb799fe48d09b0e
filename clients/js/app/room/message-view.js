// One chat message. Names and text are isolated (<bdi>, dir="auto") so Arabic, Hebrew, Latin or
// mixed text each render in their own direction inside any UI language. A message with content
// warnings (sensitiveTopics, disclosure feature) starts collapsed behind a <details> summary.
import { h, userText } from '../ui/dom.js';
import { t, language } from '../i18n/i18n.js';
import { features } from '../features.js';

export function formatTime(sentAt) {
  const date = new Date(sentAt);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(language(), { hour: 'numeric', minute: '2-digit' }).format(date);
}

/**
 * @param {import('../../src/index.js').MessageView & { sensitiveTopics?: string[] }} message
 * @param {{ mine: boolean, onRetract?: (m) => void, onReport?: (m) => void }} options
 */
export function renderMessage(message, { mine, onRetract, onReport }) {
  const body = h('p', { class: 'message-text', dir: 'auto' }, message.text);
  const topics = message.sensitiveTopics ?? [];
  const content = topics.length
    ? h('details', { class: 'content-warning' }, h('summary', null, t('room.cw.summary', { topics: topics.join(', ') })), body)
    : body;
  const actions = [
    features.retract && mine && onRetract ? h('button', { type: 'button', class: 'button-link', onClick: () => onRetract(message) }, t('room.retract')) : null,
    features.reports && !mine && onReport ? h('button', { type: 'button', class: 'button-link', onClick: () => onReport(message) }, t('room.report')) : null,
  ].filter(Boolean);
  return h('li', { class: ['message', mine && 'mine'], 'data-message-id': message.messageId, 'data-sequence': message.sequence },
    h('div', { class: 'message-meta' },
      h('span', { class: 'message-author' }, userText(message.displayName), mine ? ` ${t('room.you')}` : null),
      h('time', { datetime: new Date(message.sentAt).toISOString?.() ?? '' }, formatTime(message.sentAt))),
    content,
    actions.length ? h('div', { class: 'message-actions' }, actions) : null);
}
