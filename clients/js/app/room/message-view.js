// One chat message. Names and text are isolated (<bdi>, dir="auto") so Arabic, Hebrew, Latin or
// mixed text each render in their own direction inside any UI language. A message with a content
// warning (contentWarning: crisis scan or room handling; or sensitiveTopics once disclosure lands)
// starts collapsed behind a <details> summary that the reader opens if they choose.
import { h, userText } from '../ui/dom.js';
import { t, language } from '../i18n/i18n.js';
import { features } from '../features.js';

export function formatTime(sentAt) {
  const date = new Date(sentAt);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(language(), { hour: 'numeric', minute: '2-digit' }).format(date);
}

/**
 * @param {import('../../src/index.js').MessageView & { sensitiveTopics?: string[] }} message
 * @param {{ mine: boolean, facilitator?: boolean, pinned?: boolean, collapsedTopics?: string[], onRetract?, onReport?, onPin?, onDelete? }} options
 */
export function renderMessage(message, { mine, facilitator, pinned, collapsedTopics = [], onRetract, onReport, onPin, onDelete }) {
  const body = h('p', { class: 'message-text', dir: 'auto' }, message.text);
  const topics = message.sensitiveTopics ?? [];
  const warned = features.contentWarnings && (message.contentWarning || topics.length > 0);
  // Collapsed by default; with preferences, only the topics the reader asked to collapse stay closed.
  const open = topics.length > 0 && collapsedTopics.length > 0 && !topics.some((x) => collapsedTopics.includes(x));
  const content = warned
    ? h('details', { class: 'content-warning', open },
      h('summary', null, topics.length ? t('room.cw.summary', { topics: topics.map((x) => t(`topic.${x}`)).join(', ') }) : t('room.cw.generic')), body)
    : body;
  const hidden = h('span', { class: 'visually-hidden' }, ' ', userText(message.displayName));
  const action = (label, onClick) => h('button', { type: 'button', class: 'button-link', onClick: () => onClick(message) }, label, hidden.cloneNode(true));
  const actions = [
    features.retract && mine && onRetract ? action(t('room.retract'), onRetract) : null,
    features.reports && !mine && !facilitator && onReport ? action(t('room.report'), onReport) : null,
    features.pinned && facilitator && onPin ? action(pinned ? t('fac.unpin') : t('fac.pin'), onPin) : null,
    features.moderation && facilitator && onDelete ? action(t('fac.delete'), onDelete) : null,
  ].filter(Boolean);
  return h('li', { class: ['message', mine && 'mine'], 'data-message-id': message.messageId, 'data-sequence': message.sequence },
    h('div', { class: 'message-meta' },
      h('span', { class: 'message-author' }, userText(message.displayName), mine ? ` ${t('room.you')}` : null),
      h('time', { datetime: new Date(message.sentAt).toISOString?.() ?? '' }, formatTime(message.sentAt))),
    message.audience && message.audience !== 'everyone' ? h('p', { class: 'audience-note' }, t('room.facilitatorsOnly')) : null,
    content,
    actions.length ? h('div', { class: 'message-actions' }, actions) : null);
}
