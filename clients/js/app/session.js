// Who is signed in on this tab (sessionStorage: closing the tab signs out, which suits shared
// computers) and each user's language (localStorage, per user id).

const KEY = 'peerrooms.session';

/** @returns {{ token: string, userId: string, roles: string[] } | null} */
export function loadSession() {
  try { return JSON.parse(sessionStorage.getItem(KEY) ?? 'null'); } catch { return null; }
}

export function saveSession(session) { sessionStorage.setItem(KEY, JSON.stringify(session)); }

export function clearSession() { sessionStorage.removeItem(KEY); }

export function savedLanguage(userId) {
  try { return localStorage.getItem(`peerrooms.lang.${userId ?? ''}`) ?? localStorage.getItem('peerrooms.lang'); } catch { return null; }
}

export function saveLanguage(userId, code) {
  try {
    localStorage.setItem('peerrooms.lang', code);
    if (userId) localStorage.setItem(`peerrooms.lang.${userId}`, code);
  } catch { /* private mode: the choice lasts for this page */ }
}

export function hasRole(session, role) { return Boolean(session?.roles?.includes(role)); }
