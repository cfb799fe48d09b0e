// Video (issue 8) on the rooms hub: one method per hub method and the video event names
// (docs/protocol.md "Video"). Installed on RoomsClient.prototype by rooms-client.js. The WebRTC
// mesh itself (one RTCPeerConnection per other member) is VideoMesh in src/video-mesh.js.

/** Events of the video session on the rooms hub. */
export const VideoEvents = Object.freeze({
  /** `VideoMemberView`: someone joined the room's video session. */
  VideoMemberJoined: 'VideoMemberJoined',
  /** `VideoMemberView`: someone left (or was dropped from) video; close their peer connection. */
  VideoMemberLeft: 'VideoMemberLeft',
  /** `VideoMemberView`: what someone publishes changed (or a facilitator forced a medium off). */
  VideoMemberUpdated: 'VideoMemberUpdated',
  /** `{ roomId, fromParticipantId, kind: 'offer'|'answer'|'ice', payload }`, to this user only. */
  Signal: 'Signal',
  /** `{ roomId, reason }`: a facilitator took this person out of video; close everything. */
  VideoRemoved: 'VideoRemoved',
});

/** The signal kinds SendSignal accepts. */
export const SIGNAL_KINDS = Object.freeze(['offer', 'answer', 'ice']);

/** @type {Record<string, (this: import('./rooms-client.js').RoomsClient, ...args: any[]) => Promise<any>>} */
export const videoMethods = {
  /** Joins the room's video session (mic and camera off); resolves with members and ICE servers. */
  joinVideo(roomId) { return this.invoke('JoinVideo', roomId); },
  leaveVideo(roomId) { return this.invoke('LeaveVideo', roomId); },
  /** Asks to publish; resolves with what the server granted (video may be refused by the mesh cap). */
  setPublishing(roomId, audio, video) { return this.invoke('SetPublishing', roomId, Boolean(audio), Boolean(video)); },
  /**
   * Relays a WebRTC signal to another video member. payload: offer/answer
   * `JSON.stringify({ type, sdp })`, ice `JSON.stringify(candidateInit)`.
   */
  sendSignal(roomId, toParticipantId, kind, payload) { return this.invoke('SendSignal', roomId, toParticipantId, kind, payload); },
  // Facilitators
  removeFromVideo(roomId, participantId) { return this.invoke('RemoveFromVideo', roomId, participantId); },
  setVideoSpotlight(roomId, participantId, on) { return this.invoke('SetVideoSpotlight', roomId, participantId, Boolean(on)); },
  lowerAllHands(roomId) { return this.invoke('LowerAllHands', roomId); },
};
