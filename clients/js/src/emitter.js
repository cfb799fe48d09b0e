// A small typed event emitter that behaves the same in browsers and Node. A throwing handler does
// not stop the others; its error goes to the 'handlerError' listeners (or the console).

export class Emitter {
  /** @type {Map<string, Set<Function>>} */
  #handlers = new Map();

  /**
   * Subscribe; returns a function that unsubscribes.
   * @param {string} event
   * @param {Function} handler
   */
  on(event, handler) {
    if (!this.#handlers.has(event)) this.#handlers.set(event, new Set());
    this.#handlers.get(event).add(handler);
    return () => this.off(event, handler);
  }

  /** Subscribe for one emission. */
  once(event, handler) {
    const off = this.on(event, (...args) => { off(); handler(...args); });
    return off;
  }

  off(event, handler) { this.#handlers.get(event)?.delete(handler); }

  /** @protected */
  emit(event, payload) {
    for (const handler of [...(this.#handlers.get(event) ?? [])]) {
      try { handler(payload); } catch (error) {
        if (event !== 'handlerError' && this.#handlers.get('handlerError')?.size) this.emit('handlerError', { event, error });
        else console.error(`PeerRooms: a '${event}' handler threw`, error);
      }
    }
  }
}
