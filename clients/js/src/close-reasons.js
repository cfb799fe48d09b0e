// Why the server took someone out of a room (docs/protocol.md "Close reasons"). A terminal reason
// means: do not rejoin on your own. The server's RoomClosed event also carries `terminal`, which
// wins; this table covers reasons this client version knows about.

export const CLOSE_REASONS = Object.freeze({
  removed: true,
  banned: true,
  session_ended: true,
  room_archived: true,
  denied: true,
  timed_out: true,
  node_shutdown: false,
});

/** True when a reason is terminal (unknown reasons: trust the server's flag, default terminal). */
export function isTerminalReason(reason, serverFlag) {
  if (typeof serverFlag === 'boolean') return serverFlag;
  return CLOSE_REASONS[reason] ?? true;
}
