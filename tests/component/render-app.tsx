import { fireEvent, render, type screen } from '@testing-library/preact';
import { App } from '../../components/App';
import { type AppModel, createAppModel } from '../../lib/app/app-model';
import { memoryStore } from '../../lib/platform/memory';
import type { KeyValueStore, Platform } from '../../lib/platform/types';
import { MemoryRooms } from '../helpers/memory-rooms';

export interface TestPlatform extends Platform {
  readonly downloads: { fileName: string; text: string; mimeType: string }[];
  readonly copied: string[];
}

export function testPlatform(
  languages: readonly string[] = ['en-GB'],
  store: KeyValueStore = memoryStore(),
): TestPlatform {
  const downloads: TestPlatform['downloads'] = [];
  const copied: string[] = [];
  return {
    store,
    downloads,
    copied,
    languages: () => languages,
    download: (fileName, text, mimeType) => downloads.push({ fileName, text, mimeType }),
    copyText: async (text) => {
      copied.push(text);
    },
  };
}

/** Renders the whole side-panel app with in-memory rooms; returns the model for inspection. */
export async function renderApp(
  options: { languages?: readonly string[]; rooms?: MemoryRooms; platform?: TestPlatform } = {},
) {
  const platform = options.platform ?? testPlatform(options.languages);
  const rooms = options.rooms ?? new MemoryRooms();
  const app: AppModel = createAppModel(platform, rooms.services());
  await app.init();
  // Fetched up front like the lazy parts (setup.ts): the templates a template screen waits for.
  await app.loadTemplates();
  const view = render(<App app={app} />);
  return { app, platform, rooms, view };
}

/**
 * What a facilitator clicks to start a Lessons-learned harvest in English, in the view given
 * (`screen`, or `within` one app's container); resolves with the room code shown.
 */
export async function startLessonsLearned(view: Pick<typeof screen, 'getByRole' | 'findByRole'>) {
  fireEvent.click(view.getByRole('button', { name: 'New session' }));
  fireEvent.click(view.getByRole('radio', { name: 'Lessons-learned harvest' }));
  fireEvent.click(view.getByRole('button', { name: 'Start session' }));
  const code = await view.findByRole('status', { name: 'Room code' }, { timeout: 5000 });
  return code.textContent ?? '';
}
