// Facilitator tools on the rooms hub (session, lobby, lock, floor and hands, mutes, removal, media,
// pins, reports, private messages). Installed on RoomsClient.prototype by rooms-client.js: one
// method per hub method, each a plain invoke. Who may call what is the server's decision
// (a refusal rejects with `forbidden` and friends).

/** Events the facilitator tools send on the rooms hub. */
export const ModerationEvents = Object.freeze({
  RoomStateChanged: 'RoomStateChanged',
  ParticipantUpdated: 'ParticipantUpdated',
  LobbyChanged: 'LobbyChanged',
  MessageDeleted: 'MessageDeleted',
  ReportReceived: 'ReportReceived',
  MediaOffRequested: 'MediaOffRequested',
  UnmuteRequested: 'UnmuteRequested',
  ShareTimerEnded: 'ShareTimerEnded',
  CheckInMessageReceived: 'CheckInMessageReceived',
});

/** @type {Record<string, (this: import('./rooms-client.js').RoomsClient, ...args: any[]) => Promise<any>>} */
export const moderationMethods = {
  // Session and leadership
  startSession(roomId) { return this.invoke('StartSession', roomId); },
  endSession(roomId) { return this.invoke('EndSession', roomId); },
  handOverLead(roomId, participantId) { return this.invoke('HandOverLead', roomId, participantId); },
  promoteCoFacilitator(roomId, participantId) { return this.invoke('PromoteCoFacilitator', roomId, participantId); },
  demoteCoFacilitator(roomId, participantId) { return this.invoke('DemoteCoFacilitator', roomId, participantId); },
  getRoomState(roomId) { return this.invokeIdempotent('GetRoomState', [roomId]); },

  // Lobby and lock
  getLobby(roomId) { return this.invokeIdempotent('GetLobby', [roomId]); },
  admit(roomId, participantId) { return this.invoke('Admit', roomId, participantId); },
  admitAll(roomId) { return this.invoke('AdmitAll', roomId); },
  deny(roomId, participantId) { return this.invoke('Deny', roomId, participantId); },
  sendToLobby(roomId, participantId) { return this.invoke('SendToLobby', roomId, participantId); },
  lockRoom(roomId, allowLobby = true) { return this.invoke('LockRoom', roomId, Boolean(allowLobby)); },
  unlockRoom(roomId) { return this.invoke('UnlockRoom', roomId); },

  // Floor and hands
  raiseHand(roomId) { return this.invoke('RaiseHand', roomId); },
  lowerHand(roomId) { return this.invoke('LowerHand', roomId); },
  lowerHandOf(roomId, participantId) { return this.invoke('LowerHandOf', roomId, participantId); },
  /** @param {number} shareSeconds share timer length; 0 = no timer */
  giveFloor(roomId, participantId, shareSeconds = 0) { return this.invoke('GiveFloor', roomId, participantId, shareSeconds | 0); },
  clearFloor(roomId) { return this.invoke('ClearFloor', roomId); },

  // Mutes, slow mode, removal
  /** @param {number} minutes 0 = until lifted */
  muteParticipant(roomId, participantId, minutes = 0) { return this.invoke('MuteParticipant', roomId, participantId, minutes | 0); },
  unmuteParticipant(roomId, participantId) { return this.invoke('UnmuteParticipant', roomId, participantId); },
  muteEveryone(roomId, minutes = 0) { return this.invoke('MuteEveryone', roomId, minutes | 0); },
  unmuteEveryone(roomId) { return this.invoke('UnmuteEveryone', roomId); },
  setSlowMode(roomId, seconds) { return this.invoke('SetSlowMode', roomId, seconds | 0); },
  removeParticipant(roomId, participantId) { return this.invoke('RemoveParticipant', roomId, participantId); },
  timeoutParticipant(roomId, participantId, minutes) { return this.invoke('TimeoutParticipant', roomId, participantId, minutes | 0); },
  banParticipant(roomId, participantId, permanent = false) { return this.invoke('BanParticipant', roomId, participantId, Boolean(permanent)); },

  // Messages
  deleteMessage(roomId, messageId) { return this.invoke('DeleteMessage', roomId, messageId); },
  pinMessage(roomId, messageId) { return this.invoke('PinMessage', roomId, messageId); },
  unpinMessage(roomId) { return this.invoke('UnpinMessage', roomId); },
  /** @param {{ roomId: string, messageId?: string, participantId?: string, reason?: string }} request */
  report(request) { return this.invoke('Report', request); },
  /** A private facilitator-participant message. @param {{ roomId: string, toParticipantId: string, text: string }} request */
  sendCheckInMessage(request) { return this.invoke('SendCheckInMessage', request); },

  // Media (kind: 'mic' | 'camera')
  requestMediaOff(roomId, participantId, kind) { return this.invoke('RequestMediaOff', roomId, participantId, kind); },
  forceMediaOff(roomId, participantId, kind) { return this.invoke('ForceMediaOff', roomId, participantId, kind); },
  allowMedia(roomId, participantId, kind) { return this.invoke('AllowMedia', roomId, participantId, kind); },
  setMediaState(roomId, kind, on) { return this.invoke('SetMediaState', roomId, kind, Boolean(on)); },
  askToUnmute(roomId, kind) { return this.invoke('AskToUnmute', roomId, kind); },
};
