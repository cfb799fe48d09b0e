// Safe disclosure on the rooms hub: what a participant shares about themselves and with whom,
// retracting their own messages, and content-warning preferences. Installed on
// RoomsClient.prototype by rooms-client.js. Sending with an audience ("facilitators") or content
// warnings (sensitiveTopics) is sendMessage with those fields.

export const DisclosureEvents = Object.freeze({
  /** The author retracted a message: `{ roomId, messageId }`; remove it. */
  MessageRetracted: 'MessageRetracted',
});

/** Attribute kinds and audiences (server: Core/Disclosure/PersonalAttributes.cs). */
export const ATTRIBUTE_KINDS = Object.freeze(['pronouns', 'identity-tag', 'preferred-language', 'in-recovery-since']);
export const ATTRIBUTE_AUDIENCES = Object.freeze(['everyone', 'facilitators', 'nobody']);
/** Content-warning topics (server: Core/Disclosure/SensitiveTopics.cs). */
export const SENSITIVE_TOPICS = Object.freeze(['self-harm', 'suicide', 'substance-use', 'trauma', 'abuse', 'eating', 'grief']);

export const disclosureMethods = {
  /** Replaces the caller's attributes in a room; resolves with the caller's own full view. */
  setAttributes(request) { return this.invoke('SetAttributes', request); },
  retractMessage(roomId, messageId) { return this.invoke('RetractMessage', roomId, messageId); },
  getContentPreferences() { return this.invokeIdempotent('GetContentPreferences', []); },
  /** @param {{ collapsedTopics: string[] }} preferences */
  setContentPreferences(preferences) { return this.invoke('SetContentPreferences', preferences); },
};
