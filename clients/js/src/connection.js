// Builds the real SignalR connection. The hub clients talk to it only through the small surface
// below (start, stop, invoke, on, onclose, state), which is what the unit tests fake.
import { HubConnectionBuilder, HubConnectionState, HttpTransportType, JsonHubProtocol, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';

/**
 * @typedef {object} ConnectionLike
 * @property {() => Promise<void>} start
 * @property {() => Promise<void>} stop
 * @property {(method: string, ...args: unknown[]) => Promise<any>} invoke
 * @property {(event: string, handler: (...args: any[]) => void) => void} on
 * @property {(callback: (error?: Error) => void) => void} onclose
 * @property {string} state 'Disconnected' | 'Connecting' | 'Connected' | 'Disconnecting' | 'Reconnecting'
 */

/**
 * @param {{ url: string, accessTokenFactory: () => string | Promise<string>, protocol?: 'messagepack' | 'json',
 *           logLevel?: number, transport?: number }} options
 * @returns {ConnectionLike}
 */
export function createSignalRConnection({ url, accessTokenFactory, protocol = 'messagepack', logLevel = LogLevel.Warning, transport }) {
  const builder = new HubConnectionBuilder()
    .withUrl(url, { accessTokenFactory, ...(transport === undefined ? {} : { transport }) })
    .withHubProtocol(protocol === 'json' ? new JsonHubProtocol() : new MessagePackHubProtocol())
    .configureLogging(logLevel);
  // No withAutomaticReconnect: the hub clients run their own loop so that they can rejoin rooms,
  // fetch missed history, and refuse to come back after a terminal close.
  return builder.build();
}

export { HubConnectionState, HttpTransportType, LogLevel };
