import { describe, expect, it } from 'vitest';
import { createAppModel } from '../../lib/app/app-model';
import type { RoomServices } from '../../lib/app/app-types';
import {
  type DeleteEverythingNeeds,
  deleteEverything,
  type Forget,
} from '../../lib/app/delete-everything';
import type { SessionEntry } from '../../lib/app/sessions-store';
import { memoryStore } from '../../lib/platform/memory';
import type { KeyValueStore } from '../../lib/platform/types';
import type { RoomCode } from '../../lib/room/code';

function entry(roomName: string, title: string): SessionEntry {
  return {
    roomName,
    code: 'K7QMPX4R9T' as RoomCode,
    passphrase: '',
    role: 'facilitator',
    title,
    locale: 'nl',
    createdAt: '2026-03-01T19:00:00.000Z',
    lastOpenedAt: '2026-03-01T19:00:00.000Z',
  };
}

/** A device's "disk" of stored documents, by name, with deletions that can fail. */
function fakeServices(names: readonly string[], failing: Record<string, Error> = {}) {
  const disk = new Set(names);
  const calls: string[] = [];
  const services: RoomServices = {
    connect: () => {
      throw new Error('not used');
    },
    persist: () => {
      throw new Error('not used');
    },
    deleteStored: async (name) => {
      calls.push(`delete ${name}`);
      const failure = failing[name];
      if (failure) throw failure;
      disk.delete(name);
    },
    listStored: async () => [...disk],
  };
  return { services, disk, calls };
}

function needs(store: KeyValueStore, services: RoomServices, calls: string[] = []) {
  const forgotten: Forget[] = [];
  const value: DeleteEverythingNeeds = {
    store,
    services,
    leave: () => calls.push('leave'),
    forget: (what) => forgotten.push(what),
  };
  return { needs: value, forgotten };
}

/** What a device holds after two sessions, two own templates and saved settings. */
function fullDevice() {
  const store = memoryStore({
    'kring.settings': { locale: 'nl', displayName: 'Noor' },
    'kring.sessions': [entry('kring-aa', 'Buurtavond'), entry('kring-bb', 'Leeratelier')],
    'kring.open': 'kring-aa',
    'kring.mine.kring-bb': ['item-1'],
    'kring.templates': { version: 1, templates: [{ id: 'mine-1' }, { id: 'mine-2' }] },
    // Not Kring's: another app on the same web origin.
    'other.app': 'keep me',
    kringle: 'keep me too',
  });
  // kring-cc: a session whose entry was lost; only its databases are left.
  const rooms = fakeServices([
    'kring-aa',
    'kring-aa:device',
    'kring-bb',
    'kring-bb:device',
    'kring-cc:device',
  ]);
  return { store, ...rooms };
}

describe('deleteEverything', () => {
  it('removes every kring. key and stored document, keeps other keys, and counts', async () => {
    const { store, services, disk, calls } = fullDevice();
    const { needs: given, forgotten } = needs(store, services, calls);

    const report = await deleteEverything(given);

    expect(report).toEqual({ sessions: 3, ownTemplates: 2, settings: true, problems: [] });
    expect((await store.keys()).sort()).toEqual(['kringle', 'other.app']);
    expect(await store.get('other.app')).toBe('keep me');
    expect([...disk]).toEqual([]);
    // The open session is left before its databases are deleted.
    expect(calls[0]).toBe('leave');
    expect(calls).toContain('delete kring-cc:device');
    expect(forgotten).toEqual([{ entries: [], settings: true }]);
  });

  it('reports nothing removed on an empty device', async () => {
    const { services } = fakeServices([]);
    const store = memoryStore({ unrelated: 1 });
    const { needs: given, forgotten } = needs(store, services);
    expect(await deleteEverything(given)).toEqual({
      sessions: 0,
      ownTemplates: 0,
      settings: false,
      problems: [],
    });
    expect(await store.keys()).toEqual(['unrelated']);
    expect(forgotten).toEqual([{ entries: [], settings: true }]);
  });

  it('reports a session it could not delete and keeps its entry for a second try', async () => {
    const store = memoryStore({
      'kring.settings': { locale: 'en' },
      'kring.sessions': [entry('kring-aa', 'Buurtavond'), entry('kring-bb', 'Leeratelier')],
    });
    const { services, disk } = fakeServices(
      ['kring-aa', 'kring-aa:device', 'kring-bb', 'kring-bb:device'],
      { 'kring-bb:device': new Error('UnknownError: the disk is full') },
    );
    const { needs: given, forgotten } = needs(store, services);

    const report = await deleteEverything(given);

    expect(report).toEqual({
      sessions: 1,
      ownTemplates: 0,
      settings: true,
      problems: [{ kind: 'sessions-failed', count: 1, detail: 'UnknownError: the disk is full' }],
    });
    expect([...disk]).toEqual(['kring-bb:device']);
    const kept = [entry('kring-bb', 'Leeratelier')];
    expect(await store.get('kring.sessions')).toEqual(kept);
    expect(await store.get('kring.settings')).toBeUndefined();
    expect(forgotten).toEqual([{ entries: kept, settings: true }]);
  });

  it('tells a session held open by another tab apart from a failure', async () => {
    const blocked = new Error('another tab or window still has this session open');
    blocked.name = 'StoredDocBlocked';
    const store = memoryStore({ 'kring.sessions': [entry('kring-aa', 'Buurtavond')] });
    const { services } = fakeServices(['kring-aa', 'kring-aa:device'], { 'kring-aa': blocked });
    const report = await deleteEverything(needs(store, services).needs);
    expect(report.sessions).toBe(0);
    expect(report.problems).toEqual([{ kind: 'sessions-blocked', count: 1 }]);
  });

  it('reports storage that refuses to let go, and keeps what it kept in memory', async () => {
    const inner = memoryStore({
      'kring.settings': { locale: 'nl' },
      'kring.templates': { version: 1, templates: [{ id: 'mine-1' }] },
    });
    const store: KeyValueStore = {
      ...inner,
      remove: async (key) => {
        if (key === 'kring.settings') throw new Error('storage is switched off');
        await inner.remove(key);
      },
    };
    const { services } = fakeServices([]);
    const { needs: given, forgotten } = needs(store, services);

    const report = await deleteEverything(given);

    expect(report).toEqual({
      sessions: 0,
      ownTemplates: 1,
      settings: false,
      problems: [{ kind: 'storage-failed', detail: 'storage is switched off' }],
    });
    expect(await inner.keys()).toEqual(['kring.settings']);
    expect(forgotten).toEqual([{ entries: [], settings: false }]);
  });

  it('still deletes the sessions it knows when the browser cannot list its databases', async () => {
    const store = memoryStore({ 'kring.sessions': [entry('kring-aa', 'Buurtavond')] });
    const { services, disk } = fakeServices(['kring-aa', 'kring-aa:device']);
    const unlisted: RoomServices = {
      ...services,
      listStored: async () => {
        throw new Error('indexedDB.databases is not a function');
      },
    };
    const report = await deleteEverything(needs(store, unlisted).needs);
    expect(report).toMatchObject({ sessions: 1, problems: [] });
    expect([...disk]).toEqual([]);
  });
});

describe('deleting one session while another tab has it open', () => {
  it('removes it from the list: the browser deletes it once that tab lets go', async () => {
    const blocked = Object.assign(new Error('still open'), { name: 'StoredDocBlocked' });
    const kept = entry('room-a', 'Buurtlab');
    const store = memoryStore({ 'kring.sessions': [kept] });
    const { services } = fakeServices(['room-a', 'room-a:device'], { 'room-a': blocked });
    const platform = {
      store,
      copyText: async () => {},
      download: () => {},
      languages: () => ['nl'],
    };
    const app = createAppModel(platform, services);
    await app.init();
    await app.deleteSession('room-a');
    expect(app.sessions.value).toEqual([]);
    expect(app.toast.value).toEqual({ kind: 'session-deleted', title: 'Buurtlab' });
  });

  it('keeps it, and says so, when the deletion really fails', async () => {
    const store = memoryStore({ 'kring.sessions': [entry('room-a', 'Buurtlab')] });
    const { services } = fakeServices(['room-a'], { 'room-a': new Error('disk on fire') });
    const platform = {
      store,
      copyText: async () => {},
      download: () => {},
      languages: () => ['nl'],
    };
    const app = createAppModel(platform, services);
    await app.init();
    await app.deleteSession('room-a');
    expect(app.sessions.value.map((e) => e.roomName)).toEqual(['room-a']);
    expect(app.toast.value).toEqual({ kind: 'storage-failed', detail: 'disk on fire' });
  });
});
