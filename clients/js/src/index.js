// @peerrooms/client: a thin client over @microsoft/signalr for the PeerRooms hubs, for browsers and
// Node. See docs/protocol.md for the wire contract and index.d.ts for the types.
export { RoomsClient } from './rooms-client.js';
export { HubClient, ClientState } from './hub-client.js';
export { RoomEvents, ClientEvents, HubPaths } from './events.js';
export { ModerationEvents } from './moderation.js';
export { RoomCrisisEvents } from './crisis.js';
export { SecurityEvents } from './security.js';
export { VideoEvents, SIGNAL_KINDS } from './video.js';
export { VideoMesh } from './video-mesh.js';
export { transceiverDirection, isPolite, createsTransceivers, forcedOff, sendingState, isAudioOnly, parseSignal, MEDIA_KINDS } from './video-rules.js';
export { DisclosureEvents, ATTRIBUTE_KINDS, ATTRIBUTE_AUDIENCES, SENSITIVE_TOPICS } from './disclosure.js';
export { CrisisClient, CrisisEvents, CASE_OUTCOMES } from './crisis-client.js';
export { PeerRoomsError, ERROR_CODES, CLIENT_ERROR_CODES, TERMINAL_CLOSE_CODES, parseHubError } from './errors.js';
export { CLOSE_REASONS, isTerminalReason } from './close-reasons.js';
export { jitteredBackoff } from './backoff.js';
export { newClientMessageId } from './ids.js';
export { createSignalRConnection } from './connection.js';
export { createDevToken, listRooms, getRoom, apiRequest } from './http-api.js';
