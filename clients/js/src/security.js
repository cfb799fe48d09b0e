// Security events on the rooms hub (docs/protocol.md): facilitators hear when someone in their room
// hits a rate limit, so they can step in.
export const SecurityEvents = Object.freeze({
  /** `{ roomId, participantId, limit: 'messages'|'calls'|'joins', permitLimit, windowSeconds, at }`, facilitators only. */
  SecurityAlert: 'SecurityAlert',
});
