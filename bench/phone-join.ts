import { type Browser, chromium, type Page } from 'playwright-core';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  closeAll,
  launchPeer,
  PHONE,
  WEB_URL,
} from '../tests/e2e/harness';
import { BENCH_TITLE, joinButton, startBenchSession } from './kring-driver';
import { fixed, type Line, ms, seconds, timingLine } from './report';
import { median } from './stats';

/**
 * Phone join (issue 7): a participant's phone opens the invite link the panel shows. Chromium
 * with mobile emulation (390×844, touch, 2× pixels) and its main thread slowed down by the
 * DevTools protocol (`Emulation.setCPUThrottlingRate`), a fresh browser context each run
 * (empty cache and storage: a first visit), the page served by the signaling server as in a
 * real workshop. Times are on the page's own clock, from navigation start:
 * - interactive: the Join button is on screen and enabled, with the link's code filled in (the
 *   app has started and read the link); the tap that follows is timed to its first response
 *   on screen ("Opening a private room…"), so "interactive" also means it answers;
 * - session on screen: interactive, then tap Join → the session's heading: the key derivation
 *   (PBKDF2, 600,000 iterations), signaling, WebRTC and the sync with the facilitator's panel.
 */
const WAIT_MS = 30_000;

interface PhoneMarks {
  interactive?: number;
  tap?: number;
  respond?: number;
  /** The session screen (its connection status): the room's keys are derived. */
  session?: number;
  heading?: number;
  domContentLoaded?: number;
}

/**
 * The page's watcher, an init script; no named functions inside (tsx would add `__name`). It
 * reads the DOM every 10 ms and tells the bench through a binding (`benchMark`) when the page
 * becomes interactive and when the heading shows: no Playwright polling loads the slowed page.
 */
function watchPhone({ code, title }: { code: string; title: string }) {
  const marks: Record<string, number> = {};
  Object.assign(globalThis, { benchPhone: marks });
  const bare = code.replace(/-/g, '').toUpperCase();
  addEventListener(
    'pointerdown',
    () => {
      marks.tap ??= performance.now();
    },
    true,
  );
  addEventListener('DOMContentLoaded', () => {
    marks.domContentLoaded = performance.now();
  });
  const timer = setInterval(() => {
    const label = [...document.querySelectorAll('label')].find(
      (element) => element.textContent?.trim() === 'Room code',
    );
    const input = label ? document.getElementById(label.htmlFor) : null;
    const button = input?.closest('form')?.querySelector('button[type="submit"]');
    if (
      input instanceof HTMLInputElement &&
      input.value.replace(/-/g, '').toUpperCase() === bare &&
      button instanceof HTMLButtonElement &&
      !button.disabled
    ) {
      if (marks.interactive === undefined) {
        marks.interactive = performance.now();
        (globalThis as unknown as { benchMark(name: string): void }).benchMark('interactive');
      }
    }
    if (
      marks.tap !== undefined &&
      button instanceof HTMLButtonElement &&
      button.getAttribute('aria-busy') === 'true'
    ) {
      marks.respond ??= performance.now();
    }
    if (
      marks.tap !== undefined &&
      document.querySelector('[role="status"][aria-label="Connection"]')
    ) {
      marks.session ??= performance.now();
    }
    if (document.querySelector('h1')?.textContent?.trim() === title) {
      marks.heading = performance.now();
      clearInterval(timer);
      (globalThis as unknown as { benchMark(name: string): void }).benchMark('heading');
    }
  }, 10);
}

/** A one-time event from the page, awaited with a timeout. */
function signal() {
  let fire = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return {
    fire: () => fire(),
    wait: (what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`phone join: no ${what}`)), WAIT_MS);
        void fired.then(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

function marksOf(page: Page): Promise<PhoneMarks> {
  return page.evaluate(() => (globalThis as unknown as { benchPhone: PhoneMarks }).benchPhone);
}

/**
 * How much slower the page's main thread runs throttled than not: the median of three
 * alternating pairs of a fixed loop. Chromium throttles by giving the thread 1/rate of the wall
 * clock, so on a busy machine (the thread gets less than a core anyway) the factor comes out
 * lower: read it as how much the phone figures are slowed down relative to this machine now.
 */
async function measuredSlowdown(
  page: Page,
  setRate: (rate: number) => Promise<unknown>,
  rate: number,
) {
  const loop = () =>
    page.evaluate(() => {
      const start = performance.now();
      let sum = 0;
      for (let i = 0; i < 30_000_000; i++) sum += i % 7;
      return sum > 0 ? performance.now() - start : 0;
    });
  const ratios: number[] = [];
  for (let pair = 0; pair < 3; pair++) {
    await setRate(rate);
    const slow = await loop();
    await setRate(1);
    ratios.push(slow / (await loop()));
  }
  return median(ratios);
}

interface PhoneRun extends Required<Pick<PhoneMarks, 'interactive' | 'tap' | 'heading'>> {
  readonly respond: number | null;
  readonly session: number | null;
  readonly domContentLoaded: number | null;
  readonly slowdown: number | null;
}

async function phoneRun(
  browser: Browser,
  link: string,
  code: string,
  rate: number,
  calibrate: boolean,
): Promise<PhoneRun> {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  try {
    // As harness.ts's launchWebPeer does: without camera/microphone permission Chromium lists
    // no loopback ICE candidate for a page whose Permissions-Policy denies them.
    await context.grantPermissions(['camera', 'microphone']);
    const reached = { interactive: signal(), heading: signal() };
    await context.exposeBinding('benchMark', (_source, name: string) => {
      if (name === 'interactive' || name === 'heading') reached[name].fire();
    });
    await context.addInitScript(watchPhone, { code, title: BENCH_TITLE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const setRate = (value: number) => cdp.send('Emulation.setCPUThrottlingRate', { rate: value });
    await setRate(rate);
    await page.goto(link, { waitUntil: 'commit' });
    await reached.interactive.wait('the Join button, enabled, with the code');
    await joinButton(page).tap();
    await reached.heading.wait('the session heading');
    const marks = await marksOf(page);
    const slowdown = calibrate ? await measuredSlowdown(page, setRate, rate) : null;
    return {
      interactive: marks.interactive as number,
      tap: marks.tap as number,
      heading: marks.heading as number,
      respond: marks.respond ?? null,
      session: marks.session ?? null,
      domContentLoaded: marks.domContentLoaded ?? null,
      slowdown,
    };
  } finally {
    await context.close();
  }
}

export interface PhoneJoinOptions {
  readonly runs: number;
  /** CPU slow-down factor (4: a mid-range phone, as Lighthouse assumes). */
  readonly cpuRate: number;
}

export async function phoneJoin(options: PhoneJoinOptions) {
  const host = await launchPeer('phone-host');
  let browser: Browser | null = null;
  try {
    const code = await startBenchSession(host.page);
    const link =
      (await host.page
        .getByRole('status', { name: 'Invite link', exact: true })
        .textContent({ timeout: WAIT_MS })) ?? '';
    if (link !== `${WEB_URL}#${code}`) {
      throw new Error(`phone join: the panel's invite link is ${link}, not ${WEB_URL}#${code}`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, '--lang=en-GB'],
    });
    // One run first, not reported, that starts the browser's own processes (a phone's browser
    // is already running when its camera opens the link) and checks the slow-down.
    const warmUp = await phoneRun(browser, link, code, options.cpuRate, true);
    const runs: PhoneRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      runs.push(await phoneRun(browser, link, code, options.cpuRate, false));
    }
    console.error(`bench: phone join done (${runs.length} runs)`);
    return { lines: phoneLines(runs, options.cpuRate, warmUp.slowdown ?? Number.NaN), runs };
  } finally {
    await browser?.close();
    await closeAll([host]);
  }
}

function phoneLines(runs: readonly PhoneRun[], rate: number, slowdown: number): Line[] {
  const responses = runs.flatMap((run) => (run.respond === null ? [] : [run.respond - run.tap]));
  const loaded = runs.flatMap((run) =>
    run.domContentLoaded === null ? [] : [run.domContentLoaded],
  );
  const phone = `phone (390×844, touch, ${rate}× CPU)`;
  return [
    timingLine(
      `Web page, ${phone}: open invite link → session heading`,
      // The driver's pause between "interactive" and its tap (Playwright's checks on a slowed
      // page, ~0.5 s) is left out; a person's would be longer, and neither is Kring's.
      runs.map((run) => run.interactive + (run.heading - run.tap)),
      seconds,
      {
        detail: `interactive + tap Join → heading (${seconds(median(runs.map((run) => run.heading - run.tap)))}: of which tap → session screen ${seconds(median(runs.flatMap((run) => (run.session === null ? [] : [run.session - run.tap]))))}, the key derivation; the rest signaling, WebRTC, sync); as driven, tap included: ${seconds(median(runs.map((run) => run.heading)))}; CPU slow-down measured ${fixed(slowdown)}×; fresh context each run`,
        goal: '≤ 2.0 s',
        limit: 2_000,
      },
    ),
    timingLine(
      `Web page, ${phone}: first load → interactive`,
      runs.map((run) => run.interactive),
      ms,
      {
        detail: `Join enabled with the link's code filled in; DOMContentLoaded ${ms(median(loaded))}; tap → first response on screen ${ms(median(responses))} (${responses.length}/${runs.length} seen)`,
        goal: '≤ 1.0 s',
        limit: 1_000,
      },
    ),
  ];
}
