import type { Locator, Page } from 'playwright-core';
import { editWithMarker } from './latency';

/**
 * Remote change → screen in the side panel, for a big session (issue 11). The receiving page
 * records two moments of each change on the machine's one clock:
 * - `seen`: the first DOM write that shows it. For a keystroke that is the editor's textarea
 *   (latency.ts's marker, written from the Y.Text observer, before the rest of the app has
 *   read the update); for a dot, the first DOM change after which the totals shown (VoteControl's
 *   `.vote-total`, "N votes", shown while voting is open with live results) add up to the new
 *   sum, seen by a MutationObserver.
 * - `settled`: when a task queued at `seen` runs, i.e. once the task that applied the update
 *   and the microtasks it queued (the snapshot, the phase view, Preact's re-render) are done;
 *   the browser can paint from then on. This is the one the goal is about.
 */
const MARKER = /⟦(\d+)⟧/g;

interface Moment {
  readonly seen: number;
  settled?: number;
}

interface Hooks {
  readonly keys: Map<string, Moment>;
  readonly sums: { readonly sum: number; readonly moment: Moment }[];
}

export async function installPanelHooks(page: Page): Promise<void> {
  // No named functions inside: tsx would wrap them in a `__name` helper the page lacks.
  await page.evaluate((source) => {
    const scope = globalThis as unknown as { benchPanel?: Hooks };
    if (scope.benchPanel) return;
    const hooks: Hooks = { keys: new Map(), sums: [] };
    scope.benchPanel = hooks;
    const marker = new RegExp(source, 'g');
    const property = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    if (!property?.set || !property.get) throw new Error('no textarea value property');
    const { get, set } = property;
    Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
      configurable: true,
      get,
      set(value: string) {
        set.call(this, value);
        for (const match of String(value).matchAll(marker)) {
          const id = match[1] as string;
          if (hooks.keys.has(id)) continue;
          const entry: Moment = { seen: performance.timeOrigin + performance.now() };
          setTimeout(() => {
            entry.settled = performance.timeOrigin + performance.now();
          }, 0);
          hooks.keys.set(id, entry);
        }
      },
    });
    let last = Number.NaN;
    new MutationObserver(() => {
      let sum = 0;
      for (const total of document.querySelectorAll('.vote-total')) {
        sum += Number(total.textContent?.match(/\d+/)?.[0] ?? 0);
      }
      if (sum === last) return;
      last = sum;
      const entry: Moment = { seen: performance.timeOrigin + performance.now() };
      setTimeout(() => {
        entry.settled = performance.timeOrigin + performance.now();
      }, 0);
      hooks.sums.push({ sum, moment: entry });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, MARKER.source);
}

export interface PanelLatencies {
  readonly seen: number[];
  readonly settled: number[];
}

/** Polls `find` until it returns a settled moment; pushes both latencies. */
async function record(
  find: () => Promise<Moment | null>,
  start: number,
  into: PanelLatencies,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found?.settled !== undefined) {
      into.seen.push(found.seen - start);
      into.settled.push(found.settled - start);
      return;
    }
    if (Date.now() > deadline) throw new Error(`${what} did not reach the other panel`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** `edits` keystrokes into `editor`, each after the previous one settled on `receiver`. */
export async function measureKeystrokes(
  editor: Locator,
  receiver: Page,
  edits: number,
  timeoutMs = 10_000,
): Promise<PanelLatencies> {
  const result: PanelLatencies = { seen: [], settled: [] };
  for (let id = 1; id <= edits; id++) {
    const start = await editWithMarker(editor, id);
    const find = () =>
      receiver.evaluate(
        (key) => (globalThis as unknown as { benchPanel: Hooks }).benchPanel.keys.get(key) ?? null,
        String(id),
      );
    await record(find, start, result, `keystroke ${id}`, timeoutMs);
  }
  return result;
}

/** Clicks `button` in its page; returns the time of the click on the shared clock. */
function clickAt(button: Locator): Promise<number> {
  return button.evaluate((element) => {
    const start = performance.timeOrigin + performance.now();
    (element as HTMLButtonElement).click();
    return start;
  });
}

function shownSum(page: Page): Promise<number> {
  return page.evaluate(() => {
    let sum = 0;
    for (const total of document.querySelectorAll('.vote-total')) {
      sum += Number(total.textContent?.match(/\d+/)?.[0] ?? 0);
    }
    return sum;
  });
}

/**
 * `dots` clicks on `voter`: a dot on its first item, then taking it back, in turn (while
 * results are shown live the item with the dot is ranked first, so the list moves too).
 */
export async function measureDots(
  voter: Page,
  receiver: Page,
  dots: number,
  timeoutMs = 10_000,
): Promise<PanelLatencies> {
  const add = voter.getByRole('button', { name: /^Add a vote/ }).first();
  const remove = voter.getByRole('button', { name: /^Remove a vote/ }).first();
  const base = await shownSum(receiver);
  const result: PanelLatencies = { seen: [], settled: [] };
  for (let dot = 0; dot < dots; dot++) {
    const adding = dot % 2 === 0;
    const button = adding ? add : remove;
    // The dot just added must be on the voter's own screen before it can be taken back.
    await voter.waitForFunction(
      (element) => !(element as HTMLButtonElement).disabled,
      await button.elementHandle({ timeout: timeoutMs }),
      { timeout: timeoutMs },
    );
    const start = await clickAt(button);
    const expected = adding ? base + 1 : base;
    const find = () =>
      receiver.evaluate(
        ([sum, since]) =>
          (globalThis as unknown as { benchPanel: Hooks }).benchPanel.sums.find(
            (entry) => entry.sum === sum && entry.moment.seen >= since,
          )?.moment ?? null,
        [expected, start] as const,
      );
    await record(find, start, result, `dot ${dot + 1}`, timeoutMs);
  }
  return result;
}
