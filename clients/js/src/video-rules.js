// The decisions of the video mesh, kept pure so they are unit-tested without WebRTC: who is polite,
// who creates the m-lines, which direction a transceiver gets, and what we may publish right now.

/** The two media of a video session, in the order their transceivers are created. */
export const MEDIA_KINDS = Object.freeze(['audio', 'video']);

/** The facilitator media kind (moderation) that controls each WebRTC kind. */
export const FORCE_KIND = Object.freeze({ audio: 'mic', video: 'camera' });

/**
 * Perfect negotiation: the lexically smaller participantId is the polite peer (it rolls back its
 * own offer on a collision); the other is impolite. Both sides compute the same answer.
 */
export function isPolite(myParticipantId, otherParticipantId) {
  return String(myParticipantId) < String(otherParticipantId);
}

/**
 * Only the impolite peer adds the audio and video transceivers (and so makes the first offer); the
 * polite peer gets its transceivers from that offer. If both added them, a glare rollback would
 * leave four m-lines instead of two.
 */
export function createsTransceivers(myParticipantId, otherParticipantId) {
  return !isPolite(myParticipantId, otherParticipantId);
}

/**
 * `sendrecv` only while we are sending that medium (granted by the server and not forced off),
 * else `recvonly`: the server refuses an SDP that would send a forced-off medium (media_forced_off).
 */
export function transceiverDirection(sending) {
  return sending ? 'sendrecv' : 'recvonly';
}

/**
 * What a facilitator forced off for us: our own VideoMemberView's flags, or the room state's media
 * entry for us (RoomStateChanged.media, which arrives even where the video view lags). Either source
 * saying "forced" wins.
 * @param {{ micForcedOff?: boolean, cameraForcedOff?: boolean } | null | undefined} selfView
 * @param {{ micForcedOff?: boolean, cameraForcedOff?: boolean } | null | undefined} roomMedia
 */
export function forcedOff(selfView, roomMedia) {
  return {
    audio: Boolean(selfView?.micForcedOff || roomMedia?.micForcedOff),
    video: Boolean(selfView?.cameraForcedOff || roomMedia?.cameraForcedOff),
  };
}

/**
 * Whether we send each medium: the person wants it, the server granted it (our VideoMemberView),
 * no facilitator forced it off, and a local track exists.
 * @param {{ audio: boolean, video: boolean }} wanted
 * @param {{ audio?: boolean, video?: boolean } | null | undefined} granted our own VideoMemberView
 * @param {{ audio: boolean, video: boolean }} forced
 * @param {{ audio?: unknown, video?: unknown }} tracks
 */
export function sendingState(wanted, granted, forced, tracks) {
  const result = {};
  for (const kind of MEDIA_KINDS) result[kind] = Boolean(wanted[kind] && granted?.[kind] && !forced[kind] && tracks[kind]);
  return /** @type {{ audio: boolean, video: boolean }} */ (result);
}

/**
 * Audio-only fallback: camera wanted but not sent, because the mesh cap refused video or there is
 * no camera — the UI says so.
 */
export function isAudioOnly(wanted, granted, forced, cameraMissing) {
  return Boolean(wanted.video && !forced.video && (cameraMissing || granted?.video === false));
}

/**
 * Parses a relayed signal payload (the formats SendSignal documents). Returns null for a payload
 * that is not what the kind says (a broken or hostile peer); the mesh ignores it.
 * @returns {{ description?: { type: 'offer'|'answer', sdp: string }, candidate?: object | null } | null}
 */
export function parseSignal(kind, payload) {
  let value;
  try { value = JSON.parse(payload); } catch { return null; }
  if (kind === 'offer' || kind === 'answer') {
    if (!value || value.type !== kind || typeof value.sdp !== 'string') return null;
    return { description: { type: kind, sdp: value.sdp } };
  }
  if (kind === 'ice') {
    if (value === null || (typeof value === 'object' && !Array.isArray(value))) return { candidate: value && value.candidate ? value : null };
    return null;
  }
  return null;
}
