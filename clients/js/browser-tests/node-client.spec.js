// The JS client in Node against a real server process, under both protocols: calls, events, typed
// errors, and a real reconnect (the server restarts on the same port) with rejoin.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RoomsClient, PeerRoomsError, createDevToken, listRooms } from '../src/index.js';
import { startServer, createRoom } from './support/server.js';

const TIMEOUT = 15_000;

function next(client, event, predicate = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no ${event} within ${TIMEOUT} ms`)); }, TIMEOUT);
    const off = client.on(event, (payload) => { if (predicate(payload)) { clearTimeout(timer); off(); resolve(payload); } });
  });
}

for (const protocol of ['messagepack', 'json']) {
  describe(`JS client in Node over ${protocol}`, () => {
    let server, room, river, sam;
    const clients = [];

    async function connect(userId, roles) {
      const token = await createDevToken(server.baseUrl, { userId, roles });
      const client = new RoomsClient({ baseUrl: server.baseUrl, accessTokenFactory: () => token, protocol, backoff: () => 300 });
      clients.push(client);
      await client.start();
      return client;
    }

    before(async () => {
      server = await startServer();
      room = await createRoom(server.baseUrl, { name: 'Node circle', facilitators: ['sam'], policy: { requireFacilitatorToStart: false } });
      river = await connect('river', ['participant']);
      sam = await connect('sam', ['facilitator']);
    });

    after(async () => {
      for (const c of clients) await c.stop();
      await server?.stop();
    });

    it('lists rooms over HTTP with a dev token', async () => {
      const token = await createDevToken(server.baseUrl, { userId: 'river' });
      const rooms = await listRooms(server.baseUrl, token);
      assert.ok(rooms.some((r) => r.id === room.id));
    });

    it('joins, sees the roster, and messages reach the other member', async () => {
      const joined = await sam.joinRoom({ roomId: room.id, displayName: 'Sam' });
      assert.equal(joined.role, 'facilitator');
      const arrival = next(sam, 'ParticipantJoined');
      const r = await river.joinRoom({ roomId: room.id, displayName: 'River', acceptedGuidelinesVersion: room.guidelinesVersion });
      assert.equal(r.status, 'room');
      assert.equal((await arrival).participant.displayName, 'River');

      const received = next(sam, 'MessageReceived');
      const sent = await river.sendMessage({ roomId: room.id, text: 'hello from node ✓ مرحبا' });
      const m = await received;
      assert.equal(m.text, 'hello from node ✓ مرحبا');
      assert.equal(m.sequence, sent.sequence);
      assert.equal(river.lastSequence(room.id) >= sent.sequence || sam.lastSequence(room.id) === sent.sequence, true);

      const again = await river.sendMessage({ roomId: room.id, text: 'hello from node ✓ مرحبا', clientMessageId: m.clientMessageId });
      assert.equal(again.duplicate, true);
    });

    it('typing reaches the others', async () => {
      const typing = next(sam, 'Typing');
      await river.setTyping(room.id, true);
      assert.equal((await typing).typing, true);
    });

    it('a refusal is a typed error with the catalogue code and the connection stays usable', async () => {
      const other = await connect('other', ['participant']);
      await assert.rejects(other.joinRoom({ roomId: room.id, displayName: 'river' }), (e) => e instanceof PeerRoomsError && e.code === 'display_name_taken');
      await assert.rejects(other.sendMessage({ roomId: room.id, text: 'x' }), (e) => e.code === 'not_member');
      await assert.rejects(other.getRoster('no-such-room'), (e) => e.code === 'not_member');
      assert.equal(other.state, 'connected');
    });

    it('after the server restarts it reconnects, rejoins the room and can send again', async () => {
      const rejoined = next(river, 'rejoined');
      const reconnecting = next(river, 'reconnecting');
      await server.stop({ keepData: true });
      await reconnecting;
      server = await startServer({ port: server.port, dataDirectory: server.dataDirectory });
      const { response } = await rejoined;
      assert.equal(response.roomId, room.id);
      assert.equal(river.state === 'connected' || river.state === 'reconnecting', true);
      await river.whenConnected();
      const sent = await river.sendMessage({ roomId: room.id, text: 'back again' });
      assert.equal(sent.duplicate, false);
    });
  });
}
