import type { Locator, Page } from 'playwright-core';

/**
 * Edit → visible latency. Every receiving page gets a hook on the textarea `value` setter,
 * which is what both Kring's item editor and the raw page call when a remote change arrives;
 * it records the first time each marker appears. The writer appends a marker and fires `input`,
 * as typing does. All browsers run on this machine, so `timeOrigin + now()` is one clock.
 */
const MARK_OPEN = '⟦';
const MARK_CLOSE = '⟧';

export async function installVisibilityHook(page: Page): Promise<void> {
  await page.evaluate(
    ([open, close]) => {
      const scope = globalThis as unknown as { benchSeen?: Map<string, number> };
      if (scope.benchSeen) return;
      const seen = new Map<string, number>();
      scope.benchSeen = seen;
      const marker = new RegExp(`${open}(\\d+)${close}`, 'g');
      const property = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
      if (!property?.set || !property.get) throw new Error('no textarea value property');
      const { get, set } = property;
      Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
        configurable: true,
        get,
        set(value: string) {
          set.call(this, value);
          const now = performance.timeOrigin + performance.now();
          for (const match of String(value).matchAll(marker)) {
            const id = match[1] as string;
            if (!seen.has(id)) seen.set(id, now);
          }
        },
      });
    },
    [MARK_OPEN, MARK_CLOSE] as const,
  );
}

/** Appends marker `id` to the editor's text as typing would; returns the time of the edit. */
export function editWithMarker(editor: Locator, id: number): Promise<number> {
  return editor.evaluate((area, text) => {
    const textarea = area as HTMLTextAreaElement;
    const start = performance.timeOrigin + performance.now();
    textarea.value = `${textarea.value}${text}`;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    return start;
  }, `${MARK_OPEN}${id}${MARK_CLOSE}`);
}

export function seenAt(page: Page, id: number): Promise<number | null> {
  return page.evaluate(
    (key) =>
      (globalThis as unknown as { benchSeen: Map<string, number> }).benchSeen.get(key) ?? null,
    String(id),
  );
}

/**
 * Makes `edits` sequential edits on `writer`, each after the previous one reached every
 * receiver; returns every (edit, receiver) latency in milliseconds.
 */
export async function measureLatency(
  writer: Locator,
  receivers: readonly Page[],
  edits: number,
  timeoutMs = 10_000,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let id = 1; id <= edits; id++) {
    const start = await editWithMarker(writer, id);
    const deadline = Date.now() + timeoutMs;
    const pending = new Set(receivers);
    while (pending.size > 0) {
      if (Date.now() > deadline)
        throw new Error(`edit ${id} did not reach ${pending.size} peer(s)`);
      for (const page of [...pending]) {
        const at = await seenAt(page, id);
        if (at !== null) {
          latencies.push(at - start);
          pending.delete(page);
        }
      }
      if (pending.size > 0) await new Promise((done) => setTimeout(done, 5));
    }
  }
  return latencies;
}
