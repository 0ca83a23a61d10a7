import { describe, expect, it } from 'vitest';
import { plainAddressLabeler } from '../../signaling/address';
import { errorCode, jsonLineLogger } from '../../signaling/log';
import { startServer, TestClient, until } from '../helpers/signaling';

const TOPIC = 'topic-7f3a-secret-room-name';
const PAYLOAD = 'payload-91c2-secret-offer';

describe('signaling logs', () => {
  it('never contain a topic name or a payload, whatever the clients do', async () => {
    const { url, server, lines, events } = await startServer({
      maxFrameBytes: 2_048,
      byteBurst: 4_096,
      maxTopicsPerConnection: 2,
      maxSubscribersPerTopic: 2,
      messageBurst: 10,
    });
    const [a, b] = await Promise.all([TestClient.open(url), TestClient.open(url)]);
    a.subscribe(TOPIC);
    b.subscribe(TOPIC);
    await Promise.all([a.sync(), b.sync()]);
    a.publish(TOPIC, { sdp: PAYLOAD });
    a.publish(TOPIC, PAYLOAD);
    a.send({ type: 'unknown-kind', topic: TOPIC, data: PAYLOAD });
    await a.sync();
    expect(await b.next()).toMatchObject({ data: { sdp: PAYLOAD } });

    // Every way to be thrown out, each carrying the topic and the payload.
    const full = await TestClient.open(url);
    full.subscribe(TOPIC); // the topic is full: refused and logged
    const tooMany = await TestClient.open(url);
    tooMany.subscribe(`${TOPIC}-1`, `${TOPIC}-2`, `${TOPIC}-3`);
    const tooBig = await TestClient.open(url);
    tooBig.publish(TOPIC, PAYLOAD.repeat(200));
    const notJson = await TestClient.open(url);
    notJson.socket.send(`{"topic":"${TOPIC}","data":"${PAYLOAD}"`);
    const wrongShape = await TestClient.open(url);
    wrongShape.send({ type: 'subscribe', topics: [TOPIC, PAYLOAD, 3] });
    const binary = await TestClient.open(url);
    binary.socket.send(Buffer.from(`${TOPIC}${PAYLOAD}`));
    const flood = await TestClient.open(url);
    for (let i = 0; i < 20; i += 1) flood.publish(TOPIC, PAYLOAD);
    await Promise.all(
      [tooMany, tooBig, notJson, wrongShape, binary, flood].map((c) => c.closedWithin()),
    );
    await full.sync();
    await server.close();

    expect(events.map((event) => event.event)).toEqual(
      expect.arrayContaining([
        'listening',
        'connection-opened',
        'connection-closed',
        'subscription-refused',
        'shutting-down',
        'stopped',
      ]),
    );
    await until(() => lines.length === events.length);
    const log = lines.join('');
    expect(log).not.toContain(TOPIC);
    expect(log).not.toContain('topic-7f3a');
    expect(log).not.toContain('payload-91c2');
    expect(log).not.toContain('secret');
  });

  it('writes one JSON object per line with a time', () => {
    const lines: string[] = [];
    const log = jsonLineLogger(
      (line) => lines.push(line),
      () => new Date('2026-11-25T09:00:00.000Z'),
    );
    log({ event: 'listening', host: '127.0.0.1', port: 4444 });
    expect(lines).toEqual([
      '{"time":"2026-11-25T09:00:00.000Z","event":"listening","host":"127.0.0.1","port":4444}\n',
    ]);
  });

  it('shows client addresses as keyed hashes by default', async () => {
    const { url, events } = await startServer();
    await TestClient.open(url);
    const opened = events.find((event) => event.event === 'connection-opened');
    expect(opened).toMatchObject({ address: expect.stringMatching(/^h:[0-9a-f]{16}$/) });
    expect(JSON.stringify(opened)).not.toContain('127.0.0.1');
  });

  it('shows client addresses in clear when asked to', async () => {
    const { url, events } = await startServer({}, { labelAddress: plainAddressLabeler });
    await TestClient.open(url);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'connection-opened', address: '127.0.0.1' }),
    );
  });

  it('logs an error by its code only, never by a message that could quote input', () => {
    expect(errorCode(Object.assign(new Error(`bad ${PAYLOAD}`), { code: 'ECONNRESET' }))).toBe(
      'ECONNRESET',
    );
    expect(errorCode(new Error(PAYLOAD))).toBe('UNKNOWN');
    expect(errorCode({ code: PAYLOAD })).toBe('UNKNOWN');
    expect(errorCode('ECONNRESET')).toBe('UNKNOWN');
  });
});
