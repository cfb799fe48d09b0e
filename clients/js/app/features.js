// Which server features this app uses. The server on main supports the rooms hub only; each feature
// that lands flips its flag here and fills in the marked place in the UI (search for the flag name).
// UI parts behind a false flag are not shown, so nobody sees a button the server would refuse.
export const features = Object.freeze({
  /** Disclosure: attributes with audiences at join (join screen), content warnings, retract. */
  disclosure: false,
  contentWarnings: false,
  retract: false,
  /** Facilitator tools: lobby admit/deny, mute, remove, ban, hands, share timer, pin, reports, session. */
  lobbyControls: false,
  moderation: false,
  raiseHand: false,
  shareTimer: false,
  pinned: false,
  reports: false,
  sessionControls: false,
  privateMessages: false,
  /** Crisis escalation: facilitator alerts, the crisis hub and console, "I need help now" paging. */
  crisis: false,
});
