// Types for @peerrooms/client. Payloads mirror docs/protocol.md; a feature that adds a hub method
// or event adds it here next to the implementation.

export type ErrorCode =
  | 'invalid_argument' | 'not_found' | 'not_member' | 'forbidden' | 'unauthenticated' | 'message_too_long'
  | 'room_full' | 'room_archived' | 'too_many_rooms' | 'invalid_display_name' | 'display_name_taken'
  | 'guidelines_not_accepted' | 'muted' | 'banned' | 'room_locked' | 'in_lobby' | 'session_not_started'
  | 'slow_mode' | 'rate_limited' | 'conflict' | 'unavailable' | 'internal_error' | 'timed_out' | 'session_paused' | 'media_forced_off' | 'already_claimed' | 'invalid_state' | 'too_many_connections' | 'access_revoked';
/** Produced by the client: the connection dropped before an answer; or the client was stopped. */
export type ClientErrorCode = 'disconnected' | 'stopped';

export declare const ERROR_CODES: readonly ErrorCode[];
export declare const CLIENT_ERROR_CODES: readonly ClientErrorCode[];
/** Close errors after which the client stops (stopped { reason: code }) instead of reconnecting. */
export declare const TERMINAL_CLOSE_CODES: readonly ErrorCode[];
export declare function parseHubError(message: string | null | undefined): { code: string; explanation: string } | null;

export declare class PeerRoomsError extends Error {
  constructor(code: string, message: string, details?: { method?: string; cause?: unknown });
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly method?: string;
  is(code: ErrorCode | ClientErrorCode): boolean;
}

export type CloseReason = 'removed' | 'banned' | 'session_ended' | 'room_archived' | 'denied' | 'timed_out' | 'node_shutdown';
export declare const CLOSE_REASONS: Readonly<Record<CloseReason, boolean>>;
export declare function isTerminalReason(reason: string, serverFlag?: boolean): boolean;

export type RoomRole = 'participant' | 'facilitator' | 'crisis-staff';
export type ParticipantStatus = 'room' | 'lobby';

export interface JoinRoomRequest { roomId: string; displayName: string; acceptedGuidelinesVersion?: number | null }
export interface ParticipantView { participantId: string; displayName: string; role: RoomRole; status: ParticipantStatus }
export interface MessageView {
  roomId: string; messageId: string; clientMessageId: string; sequence: number; participantId: string;
  displayName: string; text: string; sentAt: string | Date;
  /** Show behind a content warning (crisis scan, deliver_with_warning). Absent means false. */
  contentWarning?: boolean;
}
export interface JoinRoomResponse {
  roomId: string; roomName: string; participantId: string; status: ParticipantStatus; role: RoomRole;
  roster: ParticipantView[]; history: MessageView[];
  /** Moderation state; lobby arrivals get it without pinned, floor and hands. */
  roomState?: RoomStateView | null;
}
export interface SendMessageRequest { roomId: string; text: string; clientMessageId?: string }
export interface SendMessageResponse { messageId: string; sequence: number; duplicate: boolean }

export interface ParticipantJoinedEvent { roomId: string; participant: ParticipantView }
export interface ParticipantLeftEvent { roomId: string; participantId: string }
export interface TypingEvent { roomId: string; participantId: string; typing: boolean }
export interface RoomClosedEvent { roomId: string; reason: CloseReason | (string & {}); terminal: boolean }

export declare const ClientState: {
  readonly Disconnected: 'disconnected'; readonly Connecting: 'connecting'; readonly Connected: 'connected';
  readonly Reconnecting: 'reconnecting'; readonly Stopped: 'stopped';
};
export type ClientStateValue = (typeof ClientState)[keyof typeof ClientState];

// --- Facilitator tools (src/moderation.js) ---------------------------------------------------------
export interface MuteView { participantId: string; until?: string | Date | null }
export interface FloorView { participantId: string; startedAt: string | Date; endsAt?: string | Date | null }
export interface MediaView { participantId: string; micOn: boolean; cameraOn: boolean; micForcedOff: boolean; cameraForcedOff: boolean }
export interface RoomStateView {
  roomId: string; session: 'idle' | 'open' | 'paused'; sessionStartedAt?: string | Date | null; leadParticipantId?: string | null;
  locked: boolean; lockAllowsLobby: boolean; everyoneMuted: boolean; everyoneMutedUntil?: string | Date | null;
  mutes: MuteView[]; slowModeSeconds: number; pinned?: MessageView | null; floor?: FloorView | null;
  /** Participant ids, first raised first. */
  handQueue: string[]; media: MediaView[];
}
export interface ParticipantUpdatedEvent { roomId: string; participant: ParticipantView }
export interface LobbyChangedEvent { roomId: string; waiting: ParticipantView[] }
export interface MessageDeletedEvent { roomId: string; messageId: string }
export interface ReportRequest { roomId: string; messageId?: string; participantId?: string; reason?: string }
export interface ReportReceivedEvent {
  roomId: string; reportId: string; reporterParticipantId: string; messageId?: string | null; participantId?: string | null;
  reason?: string | null; reportedAt: string | Date;
}
export type MediaKind = 'mic' | 'camera';
export interface MediaOffRequestedEvent { roomId: string; kind: MediaKind }
export interface UnmuteRequestedEvent { roomId: string; participantId: string; kind: MediaKind }
export interface ShareTimerEndedEvent { roomId: string; participantId: string; endedAt: string | Date }
export interface CheckInMessageRequest { roomId: string; toParticipantId: string; text: string }
/** A private facilitator-participant message (never stored, never seen by the room). */
export interface CheckInMessageView {
  roomId: string; messageId: string; fromParticipantId: string; fromDisplayName: string; toParticipantId: string; text: string; sentAt: string | Date;
}
export declare const ModerationEvents: { readonly [K in 'RoomStateChanged' | 'ParticipantUpdated' | 'LobbyChanged' | 'MessageDeleted' | 'ReportReceived' | 'MediaOffRequested' | 'UnmuteRequested' | 'ShareTimerEnded' | 'CheckInMessageReceived']: K };

export interface RoomsEventMap {
  RoomStateChanged: RoomStateView;
  ParticipantUpdated: ParticipantUpdatedEvent;
  LobbyChanged: LobbyChangedEvent;
  MessageDeleted: MessageDeletedEvent;
  ReportReceived: ReportReceivedEvent;
  MediaOffRequested: MediaOffRequestedEvent;
  UnmuteRequested: UnmuteRequestedEvent;
  ShareTimerEnded: ShareTimerEndedEvent;
  CheckInMessageReceived: CheckInMessageView;
  ParticipantJoined: ParticipantJoinedEvent;
  ParticipantLeft: ParticipantLeftEvent;
  MessageReceived: MessageView;
  Typing: TypingEvent;
  /** `terminal` is authoritative: the client forgot the room and will not rejoin it. */
  RoomClosed: RoomClosedEvent;
  stateChanged: { state: ClientStateValue };
  reconnecting: { attempt: number; delayMs: number; error?: Error };
  reconnected: { attempts: number };
  rejoined: { roomId: string; response: JoinRoomResponse; missed: MessageView[] };
  rejoinFailed: { roomId: string; error: PeerRoomsError };
  stopped: { reason: 'stopped' | 'unauthenticated' | 'access_revoked' | 'too_many_connections' | (string & {}) };
  handlerError: { event: string; error: unknown };
}

export interface ConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(method: string, ...args: unknown[]): Promise<any>;
  on(event: string, handler: (...args: any[]) => void): void;
  onclose(callback: (error?: Error) => void): void;
  readonly state: string;
}

export interface HubClientOptions {
  /** Server origin, e.g. 'http://localhost:5080'; '' means this page's origin. */
  baseUrl?: string;
  /** Called before every (re)connect: return a fresh token. */
  accessTokenFactory: () => string | Promise<string>;
  /** Default 'messagepack'. */
  protocol?: 'messagepack' | 'json';
  /** Reconnect delay in ms before attempt n (0-based); default jittered exponential 0.5 s .. 30 s. */
  backoff?: (attempt: number) => number;
  wait?: (ms: number, signal: AbortSignal) => Promise<boolean>;
  connectionFactory?: (options: { url: string; accessTokenFactory: () => string | Promise<string>; protocol: string; logLevel?: number }) => ConnectionLike;
  logLevel?: number;
}

export declare class HubClient<TEvents = Record<string, unknown>> {
  constructor(hubPath: string, serverEvents: readonly string[], options: HubClientOptions);
  readonly protocol: 'messagepack' | 'json';
  readonly state: ClientStateValue;
  start(): Promise<void>;
  stop(reason?: string): Promise<void>;
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  invokeIdempotent<T = unknown>(method: string, args: unknown[], retries?: number): Promise<T>;
  whenConnected(): Promise<void>;
  on<K extends keyof TEvents & string>(event: K, handler: (payload: TEvents[K]) => void): () => void;
  once<K extends keyof TEvents & string>(event: K, handler: (payload: TEvents[K]) => void): () => void;
  off<K extends keyof TEvents & string>(event: K, handler: (payload: TEvents[K]) => void): void;
}

export declare class RoomsClient extends HubClient<RoomsEventMap> {
  constructor(options: HubClientOptions);
  readonly roomIds: string[];
  lastSequence(roomId: string): number;
  joinRoom(request: JoinRoomRequest): Promise<JoinRoomResponse>;
  leaveRoom(roomId: string): Promise<void>;
  sendMessage(request: SendMessageRequest): Promise<SendMessageResponse>;
  setTyping(roomId: string, typing: boolean): Promise<void>;
  getHistory(roomId: string, afterSequence?: number): Promise<MessageView[]>;
  getRoster(roomId: string): Promise<ParticipantView[]>;

  // Facilitator tools
  startSession(roomId: string): Promise<RoomStateView>;
  endSession(roomId: string): Promise<void>;
  handOverLead(roomId: string, participantId: string): Promise<RoomStateView>;
  promoteCoFacilitator(roomId: string, participantId: string): Promise<void>;
  demoteCoFacilitator(roomId: string, participantId: string): Promise<void>;
  getRoomState(roomId: string): Promise<RoomStateView>;
  getLobby(roomId: string): Promise<ParticipantView[]>;
  admit(roomId: string, participantId: string): Promise<void>;
  admitAll(roomId: string): Promise<number>;
  deny(roomId: string, participantId: string): Promise<void>;
  sendToLobby(roomId: string, participantId: string): Promise<void>;
  lockRoom(roomId: string, allowLobby?: boolean): Promise<RoomStateView>;
  unlockRoom(roomId: string): Promise<RoomStateView>;
  raiseHand(roomId: string): Promise<RoomStateView>;
  lowerHand(roomId: string): Promise<RoomStateView>;
  lowerHandOf(roomId: string, participantId: string): Promise<RoomStateView>;
  giveFloor(roomId: string, participantId: string, shareSeconds?: number): Promise<RoomStateView>;
  clearFloor(roomId: string): Promise<RoomStateView>;
  muteParticipant(roomId: string, participantId: string, minutes?: number): Promise<RoomStateView>;
  unmuteParticipant(roomId: string, participantId: string): Promise<RoomStateView>;
  muteEveryone(roomId: string, minutes?: number): Promise<RoomStateView>;
  unmuteEveryone(roomId: string): Promise<RoomStateView>;
  setSlowMode(roomId: string, seconds: number): Promise<RoomStateView>;
  removeParticipant(roomId: string, participantId: string): Promise<void>;
  timeoutParticipant(roomId: string, participantId: string, minutes: number): Promise<void>;
  banParticipant(roomId: string, participantId: string, permanent?: boolean): Promise<void>;
  deleteMessage(roomId: string, messageId: string): Promise<void>;
  pinMessage(roomId: string, messageId: string): Promise<RoomStateView>;
  unpinMessage(roomId: string): Promise<RoomStateView>;
  report(request: ReportRequest): Promise<string>;
  sendCheckInMessage(request: CheckInMessageRequest): Promise<CheckInMessageView>;
  requestMediaOff(roomId: string, participantId: string, kind: MediaKind): Promise<void>;
  forceMediaOff(roomId: string, participantId: string, kind: MediaKind): Promise<RoomStateView>;
  allowMedia(roomId: string, participantId: string, kind: MediaKind): Promise<RoomStateView>;
  setMediaState(roomId: string, kind: MediaKind, on: boolean): Promise<void>;
  askToUnmute(roomId: string, kind: MediaKind): Promise<void>;
}

export declare const RoomEvents: { readonly [K in 'ParticipantJoined' | 'ParticipantLeft' | 'MessageReceived' | 'Typing' | 'RoomClosed']: K };
export declare const ClientEvents: Readonly<Record<string, string>>;
export declare const HubPaths: { readonly Rooms: '/hubs/rooms'; readonly Crisis: '/hubs/crisis' };
export declare function jitteredBackoff(options?: { initialMs?: number; maxMs?: number; random?: () => number }): (attempt: number) => number;
export declare function newClientMessageId(): string;
export declare function createSignalRConnection(options: { url: string; accessTokenFactory: () => string | Promise<string>; protocol?: 'messagepack' | 'json'; logLevel?: number }): ConnectionLike;

export declare function createDevToken(baseUrl: string, who: { userId: string; displayName?: string; roles?: string[] }): Promise<string>;
export declare function listRooms(baseUrl: string, token: string): Promise<RoomDto[]>;
export declare function getRoom(baseUrl: string, token: string, roomId: string): Promise<RoomDto>;
export declare function apiRequest(baseUrl: string, path: string, options?: { method?: string; token?: string; body?: unknown }): Promise<any>;

export interface RoomDto {
  id: string; name: string; description: string; guidelines: string; guidelinesVersion: number;
  language: 'en' | 'es' | 'ar'; capacity: number; facilitators: string[] | null; policy: Record<string, unknown> | null;
  archived: boolean; createdAt: string; updatedAt: string;
}

// --- Crisis escalation (src/crisis.js on the rooms hub, src/crisis-client.js for /hubs/crisis) -------
export type Severity = 'none' | 'concern' | 'high' | 'imminent';
export type CaseState = 'open' | 'claimed' | 'acknowledged' | 'resolved';
export type CaseOutcome = 'supported_in_room' | 'referred_to_crisis_line' | 'emergency_services_contacted'
  | 'follow_up_scheduled' | 'false_alarm' | 'participant_left' | 'other';
export declare const CASE_OUTCOMES: readonly CaseOutcome[];

export interface CaseView {
  caseId: string; roomId: string; roomName: string; participantId: string; pseudonym: string; severity: Severity;
  categories: string[]; trigger: 'detection' | 'self_report' | 'facilitator'; state: CaseState; owner?: string | null;
  outcome?: CaseOutcome | null; triggeringMessage?: { messageId: string; text: string; sentAt: string | Date } | null;
  createdAt: string | Date; updatedAt: string | Date; version: number;
}
export interface CaseDetailView {
  case: CaseView; notes: { author: string; at: string | Date; text: string }[];
  pages: { tierIndex: number; tier: string; attempt: number; at: string | Date }[];
  audit: { at: string | Date; actor: string; action: string; from: string; to: string; detail?: string | null }[];
}
export interface CasePagedEvent { dedupKey: string; tier: string; tierIndex: number; attempt: number; case: CaseView }
export interface CrisisPrivateMessageView { caseId: string; roomId: string; messageId: string; from: 'crisis-staff' | 'participant'; text: string; sentAt: string | Date }
export interface EscalationResponse { caseId: string; severity: Severity; state: CaseState }
export interface RiskAlertEvent {
  dedupKey: string; roomId: string; caseId: string; participantId: string; pseudonym: string; severity: Severity;
  categories: string[]; trigger: string; messageId?: string | null;
}
export interface CrisisResource { name: string; description?: string | null; phone?: string | null; sms?: string | null; url?: string | null }
export interface CrisisResourcesEvent { roomId: string; language: string; resources: CrisisResource[] }

export interface RoomsEventMap {
  /** Facilitators: someone may be at risk (each dedupKey once). */
  RiskAlert: RiskAlertEvent;
  /** Only the at-risk participant: the private resources card. */
  CrisisResources: CrisisResourcesEvent;
  /** Only the case's participant: crisis staff wrote privately. */
  CrisisPrivateMessage: CrisisPrivateMessageView;
}

export declare const RoomCrisisEvents: { readonly RiskAlert: 'RiskAlert'; readonly CrisisResources: 'CrisisResources'; readonly CrisisPrivateMessage: 'CrisisPrivateMessage' };

export declare interface RoomsClient {
  requestHelp(roomId: string): Promise<EscalationResponse>;
  escalateParticipant(request: { roomId: string; participantId: string; severity?: Severity; note?: string }): Promise<EscalationResponse>;
  replyToCrisisStaff(request: { caseId: string; text: string }): Promise<CrisisPrivateMessageView>;
}

export interface CrisisEventMap {
  OpenCases: CaseView[];
  /** Each dedupKey once. */
  CasePaged: CasePagedEvent;
  CaseUpdated: CaseView;
  PrivateMessageReceived: CrisisPrivateMessageView;
  stateChanged: { state: ClientStateValue };
  reconnecting: { attempt: number; delayMs: number; error?: Error };
  reconnected: { attempts: number };
  stopped: { reason: string };
  handlerError: { event: string; error: unknown };
}
export declare const CrisisEvents: { readonly OpenCases: 'OpenCases'; readonly CasePaged: 'CasePaged'; readonly CaseUpdated: 'CaseUpdated'; readonly PrivateMessageReceived: 'PrivateMessageReceived' };

export declare class CrisisClient extends HubClient<CrisisEventMap> {
  constructor(options: HubClientOptions);
  getOpenCases(): Promise<CaseView[]>;
  getCase(caseId: string): Promise<CaseDetailView>;
  claimCase(caseId: string): Promise<CaseView>;
  releaseCase(caseId: string): Promise<CaseView>;
  acknowledgeCase(caseId: string): Promise<CaseView>;
  addCaseNote(caseId: string, text: string): Promise<CaseView>;
  resolveCase(request: { caseId: string; outcome: CaseOutcome; note?: string }): Promise<CaseView>;
  sendPrivateMessage(request: { caseId: string; text: string }): Promise<CrisisPrivateMessageView>;
}

// --- Safe disclosure (src/disclosure.js) ---------------------------------------------------------------
export type AttributeKind = 'pronouns' | 'identity-tag' | 'preferred-language' | 'in-recovery-since';
export type AttributeAudience = 'everyone' | 'facilitators' | 'nobody';
export type SensitiveTopic = 'self-harm' | 'suicide' | 'substance-use' | 'trauma' | 'abuse' | 'eating' | 'grief';
export declare const ATTRIBUTE_KINDS: readonly AttributeKind[];
export declare const ATTRIBUTE_AUDIENCES: readonly AttributeAudience[];
export declare const SENSITIVE_TOPICS: readonly SensitiveTopic[];
export interface AttributeView { kind: AttributeKind; value: string; audience: AttributeAudience }
export interface SenderNoticeView { kind: 'pii_masked' | 'language_nudge' | (string & {}); text: string; detail?: string | null }
export interface ContentPreferences { collapsedTopics?: SensitiveTopic[] | null }
export declare const DisclosureEvents: { readonly MessageRetracted: 'MessageRetracted' };

export interface JoinRoomRequest { attributes?: AttributeView[] | null }
export interface JoinRoomResponse { collapsedTopics?: SensitiveTopic[] }
export interface ParticipantView { attributes?: AttributeView[] }
export interface SendMessageRequest { audience?: 'everyone' | 'facilitators' | null; sensitiveTopics?: SensitiveTopic[] | null }
export interface SendMessageResponse { notices?: SenderNoticeView[] }
/** Absent (the server leaves defaults out of hub frames): audience 'everyone', sensitiveTopics []. */
export interface MessageView { audience?: 'everyone' | 'facilitators' | 'held'; sensitiveTopics?: SensitiveTopic[] }
export interface RoomsEventMap { MessageRetracted: { roomId: string; messageId: string } }

export declare interface RoomsClient {
  setAttributes(request: { roomId: string; attributes: AttributeView[] }): Promise<ParticipantView>;
  retractMessage(roomId: string, messageId: string): Promise<void>;
  getContentPreferences(): Promise<ContentPreferences>;
  setContentPreferences(preferences: ContentPreferences): Promise<ContentPreferences>;
}

// --- Security (src/security.js) ----------------------------------------------------------------------
export interface SecurityAlertEvent { roomId: string; participantId: string; limit: 'messages' | 'calls' | 'joins'; permitLimit: number; windowSeconds: number; at: string | Date }
export declare const SecurityEvents: { readonly SecurityAlert: 'SecurityAlert' };
export interface RoomsEventMap { SecurityAlert: SecurityAlertEvent }

// --- Video (src/video.js methods, src/video-mesh.js the WebRTC mesh) ------------------------------------
/** A video member as everyone sees them: participantId only, what they publish, what is forced off. */
export interface VideoMemberView {
  roomId: string; participantId: string; audio: boolean; video: boolean;
  micForcedOff?: boolean; cameraForcedOff?: boolean; spotlight?: boolean;
}
export interface IceServerView { urls: string[]; username?: string | null; credential?: string | null }
export interface SfuJoinView { kind: 'livekit' | (string & {}); url: string; token: string }
export interface JoinVideoResponse {
  roomId: string; self: VideoMemberView; members: VideoMemberView[]; iceServers: IceServerView[]; maxVideoPublishers: number;
  /** "mesh" (default) or the SFU provider's name. */
  provider?: 'mesh' | (string & {}); sfu?: SfuJoinView | null;
}
export type SignalKind = 'offer' | 'answer' | 'ice';
export interface VideoSignalEvent { roomId: string; fromParticipantId: string; kind: SignalKind; payload: string }
export interface VideoRemovedEvent { roomId: string; reason: 'removed_from_video' | (string & {}) }
export declare const VideoEvents: { readonly VideoMemberJoined: 'VideoMemberJoined'; readonly VideoMemberLeft: 'VideoMemberLeft'; readonly VideoMemberUpdated: 'VideoMemberUpdated'; readonly Signal: 'Signal'; readonly VideoRemoved: 'VideoRemoved' };
export declare const SIGNAL_KINDS: readonly SignalKind[];
export interface RoomsEventMap {
  VideoMemberJoined: VideoMemberView;
  VideoMemberLeft: VideoMemberView;
  VideoMemberUpdated: VideoMemberView;
  Signal: VideoSignalEvent;
  VideoRemoved: VideoRemovedEvent;
}
export declare interface RoomsClient {
  joinVideo(roomId: string): Promise<JoinVideoResponse>;
  leaveVideo(roomId: string): Promise<void>;
  /** Resolves with the granted state (video may be refused by the mesh cap: audio-only). */
  setPublishing(roomId: string, audio: boolean, video: boolean): Promise<VideoMemberView>;
  /** payload: offer/answer `JSON.stringify({ type, sdp })`, ice `JSON.stringify(candidateInit)`. */
  sendSignal(roomId: string, toParticipantId: string, kind: SignalKind, payload: string): Promise<void>;
  removeFromVideo(roomId: string, participantId: string): Promise<void>;
  setVideoSpotlight(roomId: string, participantId: string, on: boolean): Promise<VideoMemberView>;
  lowerAllHands(roomId: string): Promise<RoomStateView>;
}

export type MediaPair = { audio: boolean; video: boolean };
export interface VideoMeshOptions {
  client: RoomsClient; roomId: string;
  /** Default `new RTCPeerConnection(config)`; injectable for tests. */
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  /** Default `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
}
export interface VideoMeshEventMap {
  /** Members, our grant, forced flags or audio-only changed: re-render controls. */
  changed: undefined;
  localTracks: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null };
  remoteTrack: { participantId: string; track: MediaStreamTrack };
  peerAdded: { participantId: string };
  peerState: { participantId: string; state: RTCPeerConnectionState };
  peerClosed: { participantId: string };
  /** The session ended here: 'left', 'removed_from_video', a RoomClosed reason, 'rejoin_failed'. */
  closed: { reason: string };
  error: { error: unknown; participantId?: string; kind?: 'audio' | 'video' };
}
/**
 * A room's WebRTC mesh: one RTCPeerConnection per other member (perfect negotiation), local tracks,
 * and obedience to the server's grant and a facilitator's force-off.
 */
export declare class VideoMesh {
  constructor(options: VideoMeshOptions);
  readonly roomId: string;
  readonly joined: boolean;
  readonly participantId: string;
  /** 'mesh', or the SFU provider JoinVideo named (then no peer connections are opened here). */
  readonly provider: 'mesh' | (string & {});
  readonly sfu: SfuJoinView | null;
  readonly self: VideoMemberView | null;
  readonly members: Map<string, VideoMemberView>;
  readonly wanted: MediaPair;
  readonly sending: MediaPair;
  readonly forced: MediaPair;
  readonly audioOnly: boolean;
  readonly tracks: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null };
  readonly peerIds: string[];
  peerConnection(participantId: string): RTCPeerConnection | null;
  join(): Promise<void>;
  setPublishing(wanted: MediaPair): Promise<MediaPair>;
  leave(): Promise<void>;
  on<K extends keyof VideoMeshEventMap>(event: K, handler: (payload: VideoMeshEventMap[K]) => void): () => void;
  once<K extends keyof VideoMeshEventMap>(event: K, handler: (payload: VideoMeshEventMap[K]) => void): () => void;
  off<K extends keyof VideoMeshEventMap>(event: K, handler: (payload: VideoMeshEventMap[K]) => void): void;
}
export declare function isPolite(myParticipantId: string, otherParticipantId: string): boolean;
export declare function createsTransceivers(myParticipantId: string, otherParticipantId: string): boolean;
export declare function transceiverDirection(sending: boolean): 'sendrecv' | 'recvonly';
export declare function forcedOff(selfView?: Partial<VideoMemberView> | null, roomMedia?: Partial<MediaView> | null): MediaPair;
export declare function sendingState(wanted: MediaPair, granted: Partial<MediaPair> | null | undefined, forced: MediaPair, tracks: { audio?: unknown; video?: unknown }): MediaPair;
export declare function isAudioOnly(wanted: MediaPair, granted: Partial<MediaPair> | null | undefined, forced: MediaPair, cameraMissing: boolean): boolean;
export declare function parseSignal(kind: string, payload: string): { description?: { type: 'offer' | 'answer'; sdp: string }; candidate?: RTCIceCandidateInit | null } | null;
export declare const MEDIA_KINDS: readonly ['audio', 'video'];
