import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, settingsToInput } from '../../lib/app/settings';
import { memoryStore } from '../../lib/platform/memory';
import type { Platform } from '../../lib/platform/types';
import { MemoryRooms } from '../helpers/memory-rooms';

// tests/load-languages.ts gives every test both languages; these tests take fresh modules, so
// they see what a page sees: no language until it is fetched.
type Translate = typeof import('../../lib/i18n/translate');
type AppModelModule = typeof import('../../lib/app/app-model');
let i18n: Translate;
let createAppModel: AppModelModule['createAppModel'];

beforeEach(async () => {
  vi.resetModules();
  i18n = await import('../../lib/i18n/translate');
  ({ createAppModel } = await import('../../lib/app/app-model'));
});

function platform(languages: readonly string[], stored: Record<string, unknown> = {}): Platform {
  return {
    store: memoryStore(stored),
    languages: () => languages,
    download: () => undefined,
    copyText: async () => undefined,
  };
}

describe('a page loads only the language it shows', () => {
  it('translates a language once it is loaded, and loads no other', async () => {
    const dutch = i18n.translator('nl');
    expect(dutch('nav.settings')).toBe('nav.settings');
    await i18n.loadLanguage('nl');
    // A translator made before the texts arrived finds them too.
    expect(dutch('nav.settings')).toBe('Instellingen');
    expect(i18n.hasLanguage('nl')).toBe(true);
    expect(i18n.hasLanguage('en')).toBe(false);
    expect(i18n.translator('en')('nav.settings')).toBe('nav.settings');
  });

  it('has the language chosen in Settings ready by init(), not the browser’s', async () => {
    const settings = { ...defaultSettings(), locale: 'nl' };
    const app = createAppModel(
      platform(['en-GB'], { 'kring.settings': settings }),
      new MemoryRooms().services(),
    );
    expect(app.textsReady.value).toBe(false);
    await app.init();
    expect(app.ready.value).toBe(true);
    expect(app.textsReady.value).toBe(true);
    expect(app.t.value('nav.settings')).toBe('Instellingen');
    expect(i18n.hasLanguage('en')).toBe(false);
  });

  it('switches language in Settings only once the new texts are there', async () => {
    const app = createAppModel(platform(['nl-NL']), new MemoryRooms().services());
    await app.init();
    expect(app.t.value('nav.settings')).toBe('Instellingen');
    const saving = app.saveSettings({ ...settingsToInput(app.settings.value), locale: 'en' });
    // Still Dutch while English is fetched: never a key on screen.
    expect(app.t.value('nav.settings')).toBe('Instellingen');
    expect((await saving).ok).toBe(true);
    expect(app.textsReady.value).toBe(true);
    expect(app.t.value('nav.settings')).toBe('Settings');
  });

  it('loads the browser’s language before “Delete everything” resets to it', async () => {
    const settings = { ...defaultSettings(), locale: 'nl' };
    const app = createAppModel(
      platform(['en-GB'], { 'kring.settings': settings }),
      new MemoryRooms().services(),
    );
    await app.init();
    await app.deleteEverything();
    expect(app.settings.value.locale).toBe('auto');
    expect(app.textsReady.value).toBe(true);
    expect(app.t.value('nav.settings')).toBe('Settings');
  });
});
