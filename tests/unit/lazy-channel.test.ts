import { describe, expect, it } from 'vitest';
import { lazyChannel } from '../../lib/room/lazy-channel';
import { MemoryNetwork } from '../helpers/memory-channel';

/** lib/room/lazy-channel.ts: the relay's code loads on demand, and nothing is missed meanwhile. */
describe('a channel loaded on demand', () => {
  it('is connecting with no peers until loaded, then is the loaded channel, events included', async () => {
    const network = new MemoryNetwork();
    const a = network.channel();
    let resolve: (() => void) | undefined;
    const loaded = new Promise<void>((done) => {
      resolve = done;
    });
    const lazy = lazyChannel(() => loaded.then(() => a));
    const frames: string[] = [];
    lazy.on('frame', (_peer, frame) => frames.push(new TextDecoder().decode(frame)));
    expect(lazy.status().kind).toBe('connecting');
    expect(lazy.peers().size).toBe(0);
    expect(lazy.send('anyone', new Uint8Array([1]))).toBe(false);
    resolve?.();
    await loaded;
    await Promise.resolve();
    network.connect(a);
    const b = network.channel();
    network.connect(b);
    b.send(a.id, new TextEncoder().encode('hello'));
    expect(frames).toEqual(['hello']);
    expect(lazy.peers().has(b.id)).toBe(true);
    lazy.destroy();
  });

  it('destroys what loads after it was destroyed, and stays connecting when loading fails', async () => {
    const network = new MemoryNetwork();
    const a = network.channel();
    let destroyed = false;
    a.destroy = () => {
      destroyed = true;
    };
    const lazy = lazyChannel(() => Promise.resolve(a));
    lazy.destroy();
    await new Promise((done) => setTimeout(done, 0));
    expect(destroyed).toBe(true);
    const failing = lazyChannel(() => Promise.reject(new Error('offline, chunk not loaded')));
    await new Promise((done) => setTimeout(done, 0));
    expect(failing.status().kind).toBe('connecting');
  });
});
