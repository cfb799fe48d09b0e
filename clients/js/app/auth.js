// Tokens for the hub. In Development the app signs in with POST /api/dev/token; tokens expire, so
// the factory (called before every connect and reconnect) mints a fresh one when the current one
// is about to run out. A real identity provider would plug in here.
import { createDevToken } from '../src/index.js';
import { saveSession } from './session.js';

/** Seconds since the epoch when a JWT expires (0 when unreadable). */
export function tokenExpiry(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).exp ?? 0;
  } catch { return 0; }
}

export async function devSignIn(userId, roles) {
  const token = await createDevToken('', { userId, roles });
  return { token, userId, roles };
}

/** An accessTokenFactory for the app's session that renews dev tokens near expiry. */
export function tokenFactory(app) {
  return async () => {
    const session = app.session;
    if (!session) throw new Error('not signed in');
    if (tokenExpiry(session.token) - Date.now() / 1000 < 60) {
      try {
        const renewed = await devSignIn(session.userId, session.roles);
        app.session = renewed;
        saveSession(renewed);
      } catch { /* not in Development: the server will refuse the old token and the app signs out */ }
    }
    return app.session.token;
  };
}
