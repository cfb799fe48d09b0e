// The crisis hub client (/hubs/crisis) for crisis staff: open cases, pages, claim / acknowledge /
// resolve, notes, and the private channel with the participant. Pages are delivered at least once:
// each dedupKey is emitted once. CaseUpdated is best effort, so after a reconnect the client asks
// for the open cases again and emits them as OpenCases.
import { HubClient } from './hub-client.js';
import { HubPaths } from './events.js';

export const CrisisEvents = Object.freeze({
  OpenCases: 'OpenCases',
  CasePaged: 'CasePaged',
  CaseUpdated: 'CaseUpdated',
  PrivateMessageReceived: 'PrivateMessageReceived',
});

/** Case outcomes accepted by ResolveCase. */
export const CASE_OUTCOMES = Object.freeze(['supported_in_room', 'referred_to_crisis_line', 'emergency_services_contacted',
  'follow_up_scheduled', 'false_alarm', 'participant_left', 'other']);

const SEEN_PAGES_LIMIT = 5000;

export class CrisisClient extends HubClient {
  #seenPages = new Set();

  /** @param {import('./hub-client.js').HubClientOptions} options */
  constructor(options) {
    super(HubPaths.Crisis, Object.values(CrisisEvents), options);
  }

  getOpenCases() { return this.invokeIdempotent('GetOpenCases', []); }
  getCase(caseId) { return this.invokeIdempotent('GetCase', [caseId]); }
  claimCase(caseId) { return this.invoke('ClaimCase', caseId); }
  releaseCase(caseId) { return this.invoke('ReleaseCase', caseId); }
  acknowledgeCase(caseId) { return this.invoke('AcknowledgeCase', caseId); }
  addCaseNote(caseId, text) { return this.invoke('AddCaseNote', caseId, text); }
  /** @param {{ caseId: string, outcome: string, note?: string }} request */
  resolveCase(request) { return this.invoke('ResolveCase', request); }
  /** @param {{ caseId: string, text: string }} request */
  sendPrivateMessage(request) { return this.invoke('SendPrivateMessage', request); }

  /** @protected */
  handleServerEvent(event, payload) {
    if (event === CrisisEvents.CasePaged) {
      if (this.#seenPages.has(payload?.dedupKey)) return;
      this.#seenPages.add(payload?.dedupKey);
      if (this.#seenPages.size > SEEN_PAGES_LIMIT) this.#seenPages.delete(this.#seenPages.values().next().value);
    }
    super.handleServerEvent(event, payload);
  }

  /** @protected */
  async afterReconnect() {
    const cases = await this.invoke('GetOpenCases');
    super.handleServerEvent(CrisisEvents.OpenCases, cases);
  }
}
