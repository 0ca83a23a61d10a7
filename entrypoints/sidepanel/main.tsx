import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/styles.css';
import { createAppModel } from '../../lib/app/app-model';
import { extensionPlatform } from '../../lib/platform/extension';
import { deleteStoredDoc, listStoredDocs, persistDoc } from '../../lib/room/persistence';
import { connectWebrtc } from '../../lib/room/webrtc';

// The side panel: the extension platform and real rooms (WebRTC + IndexedDB). The provider
// lives here, not in the service worker, which has no RTCPeerConnection (TESTING.md).
const app = createAppModel(extensionPlatform, {
  connect: connectWebrtc,
  persist: persistDoc,
  deleteStored: deleteStoredDoc,
  listStored: listStoredDocs,
});
// Leaving the room when the panel closes stops the WebRTC connections at once, so the others
// see this person leave; the document is already on disk.
addEventListener('pagehide', () => app.destroy());
void app.init().then(() => {
  document.documentElement.lang = app.locale.value;
});
render(<App app={app} />, document.getElementById('app') as HTMLElement);

// A read-only handle for diagnostics and the end-to-end tests: how many peers this panel
// reaches over WebRTC and over BroadcastChannel (TESTING.md: prove WebRTC carried the sync).
Object.assign(globalThis, {
  kring: Object.freeze({
    connections: () => app.current.peek()?.model.connections() ?? { webrtc: 0, broadcast: 0 },
  }),
});
