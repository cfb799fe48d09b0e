// A stand-in for @microsoft/signalr's HubConnection: records invocations, answers them from a
// script, and lets a test push server events or drop the connection.

export class FakeConnection {
  constructor(options) {
    this.options = options;
    this.state = 'Disconnected';
    this.handlers = new Map();
    this.closeCallbacks = [];
    /** @type {{ method: string, args: unknown[] }[]} */
    this.calls = [];
    /** method -> (...args) => result | Promise (throw to refuse) */
    this.answers = new Map();
    /** Failures for the next start() calls, in order. */
    this.startFailures = [];
    this.starts = 0;
  }

  async start() {
    this.starts++;
    await this.options.accessTokenFactory();
    const failure = this.startFailures.shift();
    if (failure) throw failure;
    this.state = 'Connected';
  }

  async stop() {
    const was = this.state;
    this.state = 'Disconnected';
    if (was !== 'Disconnected') for (const cb of this.closeCallbacks) cb(undefined);
  }

  async invoke(method, ...args) {
    this.calls.push({ method, args });
    if (this.state !== 'Connected') throw new Error("Cannot send data if the connection is not in the 'Connected' State.");
    const answer = this.answers.get(method);
    return answer ? answer(...args) : undefined;
  }

  on(event, handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(handler);
  }

  onclose(cb) { this.closeCallbacks.push(cb); }

  /** The server sends an event. */
  push(event, payload) { for (const h of this.handlers.get(event) ?? []) h(payload); }

  /** The connection drops (server gone, network lost). */
  drop(error = new Error('WebSocket closed with status code: 1006')) {
    this.state = 'Disconnected';
    for (const cb of this.closeCallbacks) cb(error);
  }

  callsTo(method) { return this.calls.filter((c) => c.method === method); }
}

/** A hub error as @microsoft/signalr reports it. */
export function hubError(method, code, explanation = 'refused') {
  return new Error(`An unexpected error occurred invoking '${method}' on the server. HubException: ${code}: ${explanation}`);
}

/** Options for a client over a FakeConnection; `fake.connection` is set once the client builds it. */
export function fakeOptions(overrides = {}) {
  const fake = { connection: null, waits: [] };
  const options = {
    accessTokenFactory: () => 'token',
    connectionFactory: (o) => (fake.connection = new FakeConnection(o)),
    backoff: (attempt) => 100 * (attempt + 1),
    wait: async (ms, signal) => { fake.waits.push(ms); await Promise.resolve(); return !signal.aborted; },
    ...overrides,
  };
  return { fake, options };
}

/** Resolves after pending promise callbacks ran (the reconnect loop runs on microtasks here). */
export function settle() { return new Promise((resolve) => setImmediate(resolve)); }

export function message(roomId, sequence, text = `m${sequence}`) {
  return {
    roomId, messageId: `m_${sequence}`, clientMessageId: `c_${sequence}`, sequence, participantId: 'p_1',
    displayName: 'River', text, sentAt: new Date(0).toISOString(),
  };
}
