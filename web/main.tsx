import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from '../components/App';
import { SecureContextNotice } from '../components/SecureContextNotice';
import '../components/styles.css';
import { createAppModel } from '../lib/app/app-model';
import { loadLanguage } from '../lib/i18n/translate';
import { LOCALES } from '../lib/locale';
import { pageProblem, pageSignalingUrl, webPlatform } from '../lib/platform/web';
import { deleteStoredDoc, listStoredDocs, persistDoc } from '../lib/room/persistence';
import { connectWebrtc } from '../lib/room/webrtc';

/** Set by vite.web.config.ts from KRING_SIGNALING_URL; '' when the build was given none. */
declare const __KRING_SIGNALING_URL__: string | undefined;

const root = document.getElementById('app') as HTMLElement;
const problem = pageProblem(globalThis);

if (problem) {
  // Nothing of the app would work (no WebCrypto, no room keys): explain instead of failing,
  // in every language (SecureContextNotice says why), so all of them are fetched first.
  void Promise.all(LOCALES.map(loadLanguage)).then(() =>
    render(
      <SecureContextNotice
        problem={problem}
        languages={webPlatform.languages()}
        pageUrl={location.href}
      />,
      root,
    ),
  );
} else {
  startApp();
}

/**
 * The participants' web page: the side panel's app with the web platform and real rooms
 * (WebRTC + IndexedDB). Joining is its front door; the signaling server defaults to the one
 * that served the page.
 */
function startApp(): void {
  const buildTime = typeof __KRING_SIGNALING_URL__ === 'string' ? __KRING_SIGNALING_URL__ : '';
  const app = createAppModel(
    webPlatform,
    {
      connect: connectWebrtc,
      persist: persistDoc,
      deleteStored: deleteStoredDoc,
      listStored: listStoredDocs,
    },
    { home: 'join', signalingUrl: pageSignalingUrl(buildTime, location.href) },
  );
  // Leaving the room when the tab closes stops the WebRTC connections at once, so the others
  // see this person leave; the document is already on disk.
  addEventListener('pagehide', () => app.destroy());
  // A phone brings a page back from the back/forward cache with the room already left: load
  // it afresh, which reopens the session that was on screen.
  addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
  void app.init().then(() => {
    effect(() => {
      document.documentElement.lang = app.locale.value;
    });
  });
  // An invite link (`/#K7QM-PX4R-9T`): the code only ever lives in the fragment, which the
  // browser never sends to the server. openInvite waits for init() itself.
  void app.openInvite(location.hash);
  addEventListener('hashchange', () => void app.openInvite(location.hash));
  render(<App app={app} />, root);

  // A read-only handle for diagnostics and the end-to-end tests: how many peers this page
  // reaches over WebRTC and over BroadcastChannel (TESTING.md: prove WebRTC carried the sync).
  Object.assign(globalThis, {
    kring: Object.freeze({
      connections: () => app.current.peek()?.model.connections() ?? { webrtc: 0, broadcast: 0 },
    }),
  });
}
