// The few HTTP calls an app needs besides the hub (docs/protocol.md "HTTP API"). Uses fetch, which
// browsers and Node (18+) both have. Failures reject with an Error carrying `status` and, for
// ProblemDetails, `problem`.

async function request(baseUrl, path, { method = 'GET', token, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl.replace(/\/$/, '') + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data?.title ?? `${method} ${path} failed with ${response.status}`);
    error.status = response.status;
    error.problem = data;
    throw error;
  }
  return data;
}

/**
 * Development only: a token for any user id and roles (POST /api/dev/token).
 * @param {string} baseUrl
 * @param {{ userId: string, displayName?: string, roles?: string[] }} who
 * @returns {Promise<string>}
 */
export async function createDevToken(baseUrl, who) {
  return (await request(baseUrl, '/api/dev/token', { method: 'POST', body: who })).token;
}

/** Rooms the caller may see (GET /api/rooms). */
export function listRooms(baseUrl, token) { return request(baseUrl, '/api/rooms', { token }); }

/** One room (GET /api/rooms/{id}). */
export function getRoom(baseUrl, token, roomId) { return request(baseUrl, `/api/rooms/${encodeURIComponent(roomId)}`, { token }); }

/** Any other API call (admin room management etc.). */
export function apiRequest(baseUrl, path, options) { return request(baseUrl, path, options); }
