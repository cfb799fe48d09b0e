// Types for @peerrooms/client. Payloads mirror docs/protocol.md; a feature that adds a hub method
// or event adds it here next to the implementation.

export type ErrorCode =
  | 'invalid_argument' | 'not_found' | 'not_member' | 'forbidden' | 'unauthenticated' | 'message_too_long'
  | 'room_full' | 'room_archived' | 'too_many_rooms' | 'invalid_display_name' | 'display_name_taken'
  | 'guidelines_not_accepted' | 'muted' | 'banned' | 'room_locked' | 'in_lobby' | 'session_not_started'
  | 'slow_mode' | 'rate_limited' | 'conflict' | 'unavailable' | 'internal_error' | 'timed_out' | 'session_paused' | 'media_forced_off' | 'already_claimed' | 'invalid_state';
/** Produced by the client: the connection dropped before an answer; or the client was stopped. */
export type ClientErrorCode = 'disconnected' | 'stopped';

export declare const ERROR_CODES: readonly ErrorCode[];
export declare const CLIENT_ERROR_CODES: readonly ClientErrorCode[];
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
}
export interface JoinRoomResponse {
  roomId: string; roomName: string; participantId: string; status: ParticipantStatus; role: RoomRole;
  roster: ParticipantView[]; history: MessageView[];
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

export interface RoomsEventMap {
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
  stopped: { reason: 'stopped' | 'unauthenticated' | (string & {}) };
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
