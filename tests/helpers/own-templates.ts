import { createAppModel } from '../../lib/app/app-model';
import { TEMPLATES_KEY } from '../../lib/app/own-templates-store';
import { memoryStore } from '../../lib/platform/memory';
import type { KeyValueStore, Platform } from '../../lib/platform/types';
import { builtInTemplates, parseTemplate, type Template } from '../../lib/templates';
import { MemoryRooms } from './memory-rooms';
import { template } from './template-input';

interface Download {
  readonly fileName: string;
  readonly text: string;
  readonly mimeType: string;
}

/** One browser profile: its own store and downloads, the real app model. */
export async function device(store: KeyValueStore = memoryStore(), rooms = new MemoryRooms()) {
  const downloads: Download[] = [];
  const platform: Platform = {
    store,
    languages: () => ['en-GB'],
    download: (fileName, text, mimeType) => downloads.push({ fileName, text, mimeType }),
    copyText: async () => {},
  };
  const app = createAppModel(platform, rooms.services());
  await app.init();
  // What the picker does when it opens (components/TemplatesReady.tsx).
  await app.loadTemplates();
  return { app, store, downloads };
}

export function own(overrides: Record<string, unknown> = {}): Template {
  const parsed = parseTemplate(template(overrides));
  if (!parsed.ok) throw new Error('the test template is invalid');
  return parsed.value;
}

export const bytesOf = (value: Template | Record<string, unknown>) =>
  new TextEncoder().encode(JSON.stringify(value));
export const storedIds = async (store: KeyValueStore) =>
  ((await store.get<{ templates: { id: string }[] }>(TEMPLATES_KEY))?.templates ?? []).map(
    (entry) => entry.id,
  );
export const socialLab = builtInTemplates[0] as Template;
