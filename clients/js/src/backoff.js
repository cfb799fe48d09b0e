// Reconnect delays: exponential with "equal jitter" so a node restart does not bring every client
// back in the same instant (half the window is fixed, half random), capped at maxMs.

/**
 * @param {{ initialMs?: number, maxMs?: number, random?: () => number }} [options]
 * @returns {(attempt: number) => number} delay in ms before attempt number `attempt` (0-based)
 */
export function jitteredBackoff({ initialMs = 500, maxMs = 30_000, random = Math.random } = {}) {
  return (attempt) => {
    const window = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
    return Math.round(window / 2 + random() * (window / 2));
  };
}

/**
 * A delay that resolves after `ms`, or early (resolving false) when the signal aborts.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 * @returns {Promise<boolean>} true when the full delay passed
 */
export function delay(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, ms);
    const onAbort = () => { clearTimeout(timer); resolve(false); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
