// Error codes from the server's published catalogue (docs/protocol.md "Errors") and the typed error
// the client throws for every refused call. Keep ERROR_CODES in step with
// src/PeerRooms.Core/Errors/ErrorCodes.cs; unknown codes still parse (the server may be newer).

/** Every catalogue code this client knows about. */
export const ERROR_CODES = Object.freeze([
  'invalid_argument', 'not_found', 'not_member', 'forbidden', 'unauthenticated', 'message_too_long',
  'room_full', 'room_archived', 'too_many_rooms', 'invalid_display_name', 'display_name_taken',
  'guidelines_not_accepted', 'muted', 'banned', 'room_locked', 'in_lobby', 'session_not_started',
  'slow_mode', 'rate_limited', 'conflict', 'unavailable', 'internal_error', 'timed_out', 'session_paused', 'media_forced_off', 'already_claimed', 'invalid_state', 'too_many_connections', 'access_revoked',
]);

/**
 * Codes the server sends as a connection's close error (docs/protocol.md): reconnecting cannot help,
 * so the client stops and tells the app.
 */
export const TERMINAL_CLOSE_CODES = Object.freeze(['access_revoked', 'too_many_connections', 'unauthenticated']);

/**
 * Codes the client itself produces when no server answer exists.
 * `disconnected`: the connection was lost before the server answered (the call may or may not have
 * taken effect; retry idempotent calls, e.g. SendMessage with the same clientMessageId).
 */
export const CLIENT_ERROR_CODES = Object.freeze(['disconnected', 'stopped']);

// The server sends "code: explanation"; SignalR clients see
// "An unexpected error occurred invoking 'X' on the server. HubException: code: explanation".
const CODE_PATTERN = /(?:^|HubException: )([a-z]+(?:_[a-z]+)*): ([\s\S]*)$/;

/**
 * The catalogue code and explanation in a hub error message, or null when it carries none.
 * @param {string | undefined | null} message
 * @returns {{ code: string, explanation: string } | null}
 */
export function parseHubError(message) {
  if (!message) return null;
  const m = CODE_PATTERN.exec(message);
  return m ? { code: m[1], explanation: m[2] } : null;
}

/** A refused or failed hub call. `code` is a catalogue code (or a client code, see above). */
export class PeerRoomsError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{ method?: string, cause?: unknown }} [details]
   */
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PeerRoomsError';
    /** @type {string} */
    this.code = code;
    /** @type {string | undefined} */
    this.method = details.method;
  }

  /** True when this is the given catalogue code. */
  is(code) { return this.code === code; }
}

/**
 * Turns whatever an invocation rejected with into a PeerRoomsError.
 * @param {unknown} error
 * @param {string} method
 * @param {boolean} connected whether the connection is still up (if not, the call was cut off)
 */
export function toPeerRoomsError(error, method, connected) {
  if (error instanceof PeerRoomsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const parsed = parseHubError(message);
  if (parsed) return new PeerRoomsError(parsed.code, parsed.explanation, { method, cause: error });
  if (!connected || /connection (was )?(closed|stopped|disconnected)|Invocation canceled/i.test(message))
    return new PeerRoomsError('disconnected', message, { method, cause: error });
  return new PeerRoomsError('internal_error', message, { method, cause: error });
}
