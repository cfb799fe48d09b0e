// Wire names of the events each hub sends (docs/protocol.md "events"). A feature that adds a server
// event adds its name here and its payload type to index.d.ts; the client re-emits it unchanged.

/** Events of the rooms hub (/hubs/rooms). */
export const RoomEvents = Object.freeze({
  ParticipantJoined: 'ParticipantJoined',
  ParticipantLeft: 'ParticipantLeft',
  MessageReceived: 'MessageReceived',
  Typing: 'Typing',
  RoomClosed: 'RoomClosed',
});

/** Events the client itself emits about its connection and rooms. */
export const ClientEvents = Object.freeze({
  StateChanged: 'stateChanged',
  Reconnecting: 'reconnecting',
  Reconnected: 'reconnected',
  /** A room was joined again after a reconnect: `{ roomId, response, missed }`. */
  Rejoined: 'rejoined',
  /** A room could not be joined again after a reconnect: `{ roomId, error }`; the client forgot it. */
  RejoinFailed: 'rejoinFailed',
  /** The client stopped for good: `{ reason }` ('stopped', 'unauthenticated'). */
  Stopped: 'stopped',
  HandlerError: 'handlerError',
});

export const HubPaths = Object.freeze({ Rooms: '/hubs/rooms', Crisis: '/hubs/crisis' });
