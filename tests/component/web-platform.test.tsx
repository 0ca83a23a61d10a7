import { fireEvent, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppModel } from '../../lib/app/app-model';
import { webStore } from '../../lib/platform/web';
import { MemoryRooms } from '../helpers/memory-rooms';
import { renderApp, testPlatform } from './render-app';

/** A Storage that reads like localStorage and refuses every write, as a full one does. */
function fullStorage(): Storage {
  const full = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return {
    length: 0,
    clear: full,
    key: () => null,
    getItem: (key) => localStorage.getItem(key),
    setItem: full,
    removeItem: full,
  };
}

/** What `localStorage` does when the browser blocks storage for the page (cookies off). */
function blockedStorage(): Storage {
  throw new DOMException('The operation is insecure.', 'SecurityError');
}

describe('the web page store (localStorage)', () => {
  beforeEach(() => localStorage.clear());

  it('keeps JSON values across stores, as across a reload of the page', async () => {
    const value = { locale: 'nl', signalingUrls: ['wss://kring.example.org/'], n: 2 };
    await webStore().set('kring.settings', value);
    expect(await webStore().get('kring.settings')).toEqual(value);
    expect(JSON.parse(localStorage.getItem('kring.settings') ?? '')).toEqual(value);
    await webStore().remove('kring.settings');
    expect(await webStore().get('kring.settings')).toBeUndefined();
  });

  it('reads a value that is not JSON as absent instead of failing', async () => {
    localStorage.setItem('kring.sessions', '[{"cut off');
    expect(await webStore().get('kring.sessions')).toBeUndefined();
  });

  it('rejects a write to a full storage with an error that says so', async () => {
    await expect(webStore(fullStorage).set('kring.settings', {})).rejects.toThrow(
      'this browser’s storage for this page is full',
    );
  });

  it('starts with nothing when storage is blocked, and says so on a write', async () => {
    const store = webStore(blockedStorage);
    expect(await store.get('kring.settings')).toBeUndefined();
    await expect(store.set('kring.settings', {})).rejects.toThrow(
      'this browser does not allow this page to store data',
    );
    await expect(store.remove('kring.settings')).rejects.toThrow('does not allow');
  });

  it('makes a failed save a message on screen, and the app keeps working', async () => {
    await renderApp({ platform: testPlatform(['en-GB'], webStore(fullStorage)) });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText(
        'Could not save on this device: this browser’s storage for this page is full',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: 'My sessions' })).toBeTruthy();
  });

  it('remembers the settings of the page for the next visit', async () => {
    const rooms = new MemoryRooms();
    const first = createAppModel(testPlatform(['en'], webStore()), rooms.services());
    await first.init();
    await first.loadTemplates();
    await first.saveSettings({
      locale: 'nl',
      displayName: 'Noor',
      signalingText: 'wss://kring.example.org/',
      iceText: '',
      pageText: '',
    });
    first.destroy();
    const next = createAppModel(testPlatform(['en'], webStore()), rooms.services());
    await next.init();
    await next.loadTemplates();
    expect(next.locale.value).toBe('nl');
    expect(next.settings.value.displayName).toBe('Noor');
    expect(next.settings.value.signalingUrls).toEqual(['wss://kring.example.org/']);
  });
});
