// The connection lifecycle every PeerRooms hub client shares: start, typed errors, and a reconnect
// loop with jittered backoff that subclasses hook into (RoomsClient rejoins its rooms there).
import { Emitter } from './emitter.js';
import { jitteredBackoff, delay } from './backoff.js';
import { PeerRoomsError, toPeerRoomsError, parseHubError, TERMINAL_CLOSE_CODES } from './errors.js';
import { createSignalRConnection } from './connection.js';

/** Client states, in the order a healthy client moves through them. */
export const ClientState = Object.freeze({
  Disconnected: 'disconnected',
  Connecting: 'connecting',
  Connected: 'connected',
  Reconnecting: 'reconnecting',
  /** Stopped for good (by the app, or because the server said not to come back). */
  Stopped: 'stopped',
});

/**
 * @typedef {object} HubClientOptions
 * @property {string} [baseUrl] server origin, e.g. 'http://localhost:5080' ('' = this page's origin)
 * @property {() => string | Promise<string>} accessTokenFactory called before every (re)connect
 * @property {'messagepack' | 'json'} [protocol] default 'messagepack'
 * @property {(attempt: number) => number} [backoff] reconnect delay in ms per attempt (default jittered exponential)
 * @property {(ms: number, signal: AbortSignal) => Promise<boolean>} [wait] injectable delay (tests)
 * @property {(options: object) => import('./connection.js').ConnectionLike} [connectionFactory] injectable (tests)
 * @property {number} [logLevel] @microsoft/signalr LogLevel
 */

export class HubClient extends Emitter {
  #connection;
  #state = ClientState.Disconnected;
  #backoff;
  #wait;
  #abort = new AbortController();
  #stopping = false;
  #reconnecting = false;
  #connectedWaiters = [];

  /**
   * @param {string} hubPath e.g. '/hubs/rooms'
   * @param {readonly string[]} serverEvents the wire event names this hub sends; each is re-emitted
   *   under the same name after `handleServerEvent` saw it
   * @param {HubClientOptions} options
   */
  constructor(hubPath, serverEvents, options) {
    super();
    if (typeof options?.accessTokenFactory !== 'function') throw new TypeError('accessTokenFactory is required');
    const { baseUrl = '', protocol = 'messagepack', connectionFactory = createSignalRConnection } = options;
    if (protocol !== 'messagepack' && protocol !== 'json') throw new TypeError("protocol must be 'messagepack' or 'json'");
    this.protocol = protocol;
    this.#backoff = options.backoff ?? jitteredBackoff();
    this.#wait = options.wait ?? delay;
    this.#connection = connectionFactory({
      url: baseUrl.replace(/\/$/, '') + hubPath,
      accessTokenFactory: options.accessTokenFactory,
      protocol,
      logLevel: options.logLevel,
    });
    for (const event of serverEvents) {
      this.#connection.on(event, (payload) => this.handleServerEvent(event, payload));
    }
    this.#connection.onclose((error) => this.#onClose(error));
  }

  /** @returns {string} one of ClientState */
  get state() { return this.#state; }

  /** Connects. Rejects with a PeerRoomsError (`unauthenticated` for a refused token). */
  async start() {
    if (this.#state === ClientState.Stopped) throw new PeerRoomsError('stopped', 'this client was stopped; create a new one');
    if (this.#state !== ClientState.Disconnected) return;
    this.#setState(ClientState.Connecting);
    try {
      await this.#connection.start();
    } catch (error) {
      this.#setState(ClientState.Disconnected);
      throw startError(error);
    }
    this.#setState(ClientState.Connected);
  }

  /**
   * Disconnects for good and stops reconnecting. Emits 'stopped' with the reason.
   * @param {string} [reason] why, for the app ('stopped' when the app asked)
   */
  async stop(reason = 'stopped') {
    if (this.#state === ClientState.Stopped) return;
    this.#stopping = true;
    this.#abort.abort();
    this.#setState(ClientState.Stopped);
    for (const w of this.#connectedWaiters.splice(0)) w.reject(new PeerRoomsError('stopped', 'the client stopped'));
    try { await this.#connection.stop(); } catch { /* already closed */ }
    this.emit('stopped', { reason });
  }

  /**
   * Calls a hub method; a refusal rejects with a PeerRoomsError carrying the catalogue code.
   * Public so an app can reach a hub method newer than this client version.
   * @param {string} method
   * @param {...unknown} args
   */
  async invoke(method, ...args) {
    if (this.#state === ClientState.Stopped) throw new PeerRoomsError('stopped', 'the client stopped', { method });
    try {
      return await this.#connection.invoke(method, ...args);
    } catch (error) {
      throw toPeerRoomsError(error, method, this.#connection.state === 'Connected');
    }
  }

  /**
   * Like invoke, but when the connection drops mid-call it waits for the reconnect (and the rejoin)
   * and tries again, up to `retries` times. Only for idempotent calls.
   */
  async invokeIdempotent(method, args, retries = 2) {
    for (let attempt = 0; ; attempt++) {
      if (this.#state === ClientState.Reconnecting || this.#state === ClientState.Connecting) await this.whenConnected();
      try {
        return await this.invoke(method, ...args);
      } catch (error) {
        if (error.code !== 'disconnected' || attempt >= retries) throw error;
        await this.whenConnected();
      }
    }
  }

  /** Resolves when the client is connected (and done rejoining); rejects if it stops. */
  whenConnected() {
    if (this.#state === ClientState.Connected) return Promise.resolve();
    if (this.#state === ClientState.Stopped) return Promise.reject(new PeerRoomsError('stopped', 'the client stopped'));
    return new Promise((resolve, reject) => this.#connectedWaiters.push({ resolve, reject }));
  }

  /** @protected Waits `ms` (cut short by stop()); false when cut short. */
  wait(ms) { return this.#wait(ms, this.#abort.signal); }

  /** @protected The reconnect delay before attempt `attempt`. */
  backoff(attempt) { return this.#backoff(attempt); }

  /**
   * Subclasses see every server event here first (to track state), then call super to re-emit it.
   * @protected
   */
  handleServerEvent(event, payload) { this.emit(event, payload); }

  /**
   * Runs after a reconnect, before 'reconnected' is emitted and before waiting calls resume.
   * @protected
   */
  async afterReconnect() { }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    this.emit('stateChanged', { state });
    if (state === ClientState.Connected) for (const w of this.#connectedWaiters.splice(0)) w.resolve();
  }

  async #onClose(error) {
    if (this.#stopping || this.#state === ClientState.Stopped) return;
    // A close during the rejoin of a running loop: that loop sees the connection down and goes on.
    if (this.#reconnecting) return;
    // The server closed us for a reason a reconnect cannot fix (access revoked, too many connections).
    const code = parseHubError(error?.message)?.code;
    if (code && TERMINAL_CLOSE_CODES.includes(code)) { await this.stop(code); return; }
    this.#reconnecting = true;
    try { await this.#reconnectLoop(error); } finally { this.#reconnecting = false; }
  }

  async #reconnectLoop(error) {
    this.#setState(ClientState.Reconnecting);
    for (let attempt = 0; ; attempt++) {
      const delayMs = this.#backoff(attempt);
      this.emit('reconnecting', { attempt: attempt + 1, delayMs, error });
      const waited = await this.#wait(delayMs, this.#abort.signal);
      if (!waited || this.#state === ClientState.Stopped) return;
      try {
        await this.#connection.start();
      } catch (startFailure) {
        if (this.#state === ClientState.Stopped) return;
        const mapped = startError(startFailure);
        if (mapped.code === 'unauthenticated') { await this.stop('unauthenticated'); return; }
        continue;
      }
      // Rejoin before anyone else may call: waiting calls resume only once rooms are back.
      try { await this.afterReconnect(); } catch (e) { this.emit('handlerError', { event: 'afterReconnect', error: e }); }
      if (this.#state === ClientState.Stopped) return;
      if (this.#connection.state !== 'Connected') continue;
      this.#setState(ClientState.Connected);
      this.emit('reconnected', { attempts: attempt + 1 });
      return;
    }
  }
}

/** A failed start: 401/403 from negotiate means the token was refused. */
function startError(error) {
  const status = error?.statusCode;
  if (status === 401 || status === 403) return new PeerRoomsError('unauthenticated', 'the server refused the token', { cause: error });
  return new PeerRoomsError('disconnected', error instanceof Error ? error.message : String(error), { method: 'start', cause: error });
}
