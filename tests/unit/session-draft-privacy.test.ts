import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createSessionModel, type SessionModel } from '../../lib/app/session-model';
import { channelTransport } from '../../lib/room/channel-transport';
import type { Transport } from '../../lib/room/transport';
import { createSession, type Role } from '../../lib/session';
import type { Template } from '../../lib/templates/types';
import { type MemoryChannel, MemoryNetwork } from '../helpers/memory-channel';
import { expectOk, snap } from '../helpers/session';

/**
 * Issue 11, privacy: drafts never leave the writer's device before the reveal. Real session
 * models, the real sync layer and awareness, over in-memory channels; every frame any device
 * sends (Yjs updates and awareness alike) is captured on its way out and searched for the
 * draft text, as UTF-8 bytes (what goes on the wire).
 */

const text = (en: string) => ({ en, nl: en });
const template: Template = {
  id: 'privacy',
  version: 1,
  name: text('Privacy'),
  purpose: text('Write alone first.'),
  credits: text(''),
  phases: [
    {
      id: 'alone',
      title: text('Alone'),
      prompt: text('Write alone first.'),
      kinds: ['insight', 'action'],
      minutes: 5,
      notes: text(''),
      privateWriting: true,
    },
  ],
};

/** Unique, with non-ASCII, so a hit cannot be a coincidence and UTF-8 encoding matters. */
const SECRET = 'geheim-Ω-ü-7f3a9c';
const OWNER = 'eigenaar-ß-1e2d';
const EDITED = 'herzien-Ç-55aa';

interface Device {
  readonly doc: Y.Doc;
  readonly device: Y.Doc;
  readonly model: SessionModel;
  readonly transport: Transport;
  readonly channel: () => MemoryChannel;
  /** Every frame this device handed to its channel. */
  readonly sent: Uint8Array[];
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function join(network: MemoryNetwork, role: Role, doc = new Y.Doc()): Device {
  const sent: Uint8Array[] = [];
  let opened: MemoryChannel | null = null;
  const transport = channelTransport(doc, role, () => {
    const channel = network.channel('room');
    const send = channel.send.bind(channel);
    channel.send = (peer, frame) => {
      sent.push(frame.slice());
      return send(peer, frame);
    };
    opened = channel;
    queueMicrotask(() => network.connect(channel));
    return channel;
  });
  const device = new Y.Doc();
  const model = createSessionModel({ doc, transport, role, displayName: role, device });
  cleanups.push(() => {
    model.destroy();
    transport.destroy();
  });
  return {
    doc,
    device,
    model,
    transport,
    sent,
    channel: () => {
      if (!opened) throw new Error('not opened');
      return opened;
    },
  };
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const utf8 = (value: string) => new TextEncoder().encode(value);
const secrets = [SECRET, OWNER, EDITED].flatMap((value) => [value, value.slice(0, 8)]);

function leaks(frames: readonly Uint8Array[]): string[] {
  return secrets.filter((secret) => frames.some((frame) => contains(frame, utf8(secret))));
}

function room() {
  const network = new MemoryNetwork();
  const facilitatorDoc = new Y.Doc();
  expectOk(createSession(facilitatorDoc, { template, locale: 'en' }));
  const facilitator = join(network, 'facilitator', facilitatorDoc);
  const writer = join(network, 'participant');
  const other = join(network, 'participant');
  return { network, facilitator, writer, other, all: [facilitator, writer, other] };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('drafts before the reveal', () => {
  it('are in no frame any device sends, Yjs update or awareness; after the reveal they are', async () => {
    const { facilitator, writer, other, all } = room();
    await vi.waitFor(() => expect(writer.model.snapshot.value).not.toBeNull());
    await vi.waitFor(() => expect(other.model.snapshot.value).not.toBeNull());
    const framesBefore = writer.sent.length;

    const first = expectOk(writer.model.addItem('insight', `${SECRET} one`));
    expect(first.draft).toBe(true);
    const second = expectOk(
      writer.model.addItem('action', 'Plan', { owner: OWNER, due: '2026-12-01' }),
    );
    expectOk(writer.model.editDraft(second.id, `${EDITED} plan`));
    expectOk(facilitator.model.addItem('insight', 'The facilitator writes alone too'));
    await settle();

    // The capture works: the draft count went out in awareness.
    expect(writer.sent.length).toBeGreaterThan(framesBefore);
    await vi.waitFor(() => expect(facilitator.model.presence.value.drafts).toBe(3));
    expect(other.model.presence.value.drafts).toBe(3);
    for (const peer of all) expect(leaks(peer.sent)).toEqual([]);
    // And the search would see text in awareness: a canary put there is found.
    writer.transport.awareness.setLocalStateField('canary', 'kanarie-Ж-0b1');
    expect(writer.sent.some((frame) => contains(frame, utf8('kanarie-Ж-0b1')))).toBe(true);
    writer.transport.awareness.setLocalStateField('canary', null);
    // Nor in any shared document, nor in anyone's awareness state.
    for (const peer of all) {
      expect(leaks([Y.encodeStateAsUpdate(peer.doc)])).toEqual([]);
      const states = JSON.stringify([...peer.transport.awareness.getStates().values()]);
      expect(leaks([utf8(states)])).toEqual([]);
      expect(snap(peer.doc).items).toEqual([]);
    }
    expect(writer.model.drafts.value.map((draft) => draft.text)).toEqual([
      `${SECRET} one`,
      `${EDITED} plan`,
    ]);

    expectOk(facilitator.model.reveal());
    await vi.waitFor(() => expect(snap(other.doc).items).toHaveLength(3));
    expect(leaks(writer.sent)).toEqual(expect.arrayContaining([SECRET, OWNER, EDITED]));
    expect(
      snap(facilitator.doc)
        .items.map((item) => item.text)
        .sort(),
    ).toEqual([`${SECRET} one`, `${EDITED} plan`, 'The facilitator writes alone too'].sort());
    expect(writer.model.drafts.value).toEqual([]);
    expect(writer.model.sharedDrafts.value?.count).toBe(2);
    await vi.waitFor(() => expect(facilitator.model.presence.value.drafts).toBe(0));
  });

  it('a writer offline at the reveal shares when back, and not before', async () => {
    const { network, facilitator, writer, other } = room();
    await vi.waitFor(() => expect(writer.model.snapshot.value).not.toBeNull());
    expectOk(writer.model.addItem('insight', SECRET));
    await settle();
    // The writer's link drops (the others stay linked to each other).
    for (const peer of [facilitator, other]) {
      network.setLinked(writer.channel(), peer.channel(), false);
    }
    const sentOffline = writer.sent.length;
    expectOk(facilitator.model.reveal());
    await settle();
    expect(snap(other.doc).items).toEqual([]);
    expect(writer.sent.length).toBe(sentOffline);
    expect(writer.model.drafts.value).toHaveLength(1);

    for (const peer of [facilitator, other]) {
      network.setLinked(writer.channel(), peer.channel(), true);
    }
    await vi.waitFor(() =>
      expect(snap(other.doc).items.map((item) => item.text)).toEqual([SECRET]),
    );
    expect(snap(facilitator.doc).items[0]?.createdAt).toBe(
      snap(facilitator.doc).phases[0]?.revealedAt,
    );
    expect(writer.model.sharedDrafts.value?.count).toBe(1);
  });
});
