// Crisis escalation on the rooms hub (docs/protocol.md "Rooms hub: crisis methods/events"):
// "I need help now", a facilitator escalating someone, and the participant's side of the private
// channel with crisis staff. Installed on RoomsClient.prototype by rooms-client.js.

/** Crisis events on the rooms hub. RiskAlert carries a dedupKey: the client emits each key once. */
export const RoomCrisisEvents = Object.freeze({
  RiskAlert: 'RiskAlert',
  CrisisResources: 'CrisisResources',
  CrisisPrivateMessage: 'CrisisPrivateMessage',
});

export const roomCrisisMethods = {
  /** "I need help now": opens (or raises) the caller's case and pages crisis staff. */
  requestHelp(roomId) { return this.invoke('RequestHelp', roomId); },
  /** @param {{ roomId: string, participantId: string, severity?: 'concern'|'high'|'imminent', note?: string }} request */
  escalateParticipant(request) { return this.invoke('EscalateParticipant', request); },
  /** @param {{ caseId: string, text: string }} request */
  replyToCrisisStaff(request) { return this.invoke('ReplyToCrisisStaff', request); },
};
