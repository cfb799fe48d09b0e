// What this server can do, found out at run time where a feature is optional: the crisis feature
// serves /hubs/crisis, so its negotiate endpoint answers anything but 404 (403 for people who are
// not crisis staff is still "present"). Lets the same app build work before and after a feature
// lands on a server.

/** @returns {Promise<boolean>} whether the server has the crisis feature */
export async function hasCrisisFeature(token) {
  try {
    const response = await fetch('/hubs/crisis/negotiate?negotiateVersion=1', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    return response.status !== 404;
  } catch {
    return false;
  }
}
