// Client message ids: 1-64 of [A-Za-z0-9_-]. crypto.randomUUID is missing outside secure contexts
// (plain http on a LAN address), so fall back to getRandomValues, which is always there.

/** A new random id usable as a clientMessageId. */
export function newClientMessageId() {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
