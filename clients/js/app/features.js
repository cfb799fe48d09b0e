// Which server features this app uses. Each feature that lands on main flips its flag here and fills
// in the marked place in the UI (search for the flag name). On main now: the rooms hub, the
// facilitator tools, contentWarning on messages, safe disclosure, and crisis escalation (found at run
// time, see `crisis` below).
// UI parts behind a false flag are not shown, so nobody sees a button the server would refuse.
export const features = Object.freeze({
  /** Disclosure: attributes with audiences at join (join screen), content warnings, retract. */
  disclosure: true,
  contentWarnings: true,
  retract: true,
  /** Facilitator tools: lobby admit/deny, mute, remove, ban, hands, share timer, pin, reports, session. */
  lobbyControls: true,
  moderation: true,
  raiseHand: true,
  shareTimer: true,
  pinned: true,
  reports: true,
  sessionControls: true,
  privateMessages: true,
  /**
   * Crisis escalation: forces the facilitator alerts and escalate button on. Without it they appear
   * when the server turns out to serve /hubs/crisis (capabilities.js); the console, "I need help now"
   * paging and the private support panel detect the feature by themselves.
   */
  crisis: false,
  /** Video (issue 8): the mesh video panel with mic/camera toggles and facilitator media controls. */
  video: true,
  /** Facilitator video powers: RemoveFromVideo, SetVideoSpotlight; and LowerAllHands for the hand queue. */
  videoRemove: true,
  videoSpotlight: true,
  lowerAllHands: true,
});
