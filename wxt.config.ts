import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** The browser `npm start` opens: CHROME_PATH, else Debian's Chromium if present. */
const chromeBinary =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// See ../shared/TESTING.md: WXT adds no `sidePanel` permission and no `action` key by itself,
// so both are declared here, per browser. Firefox gets `sidebar_action` from the sidepanel
// entrypoint.
export default defineConfig({
  vite: () => ({
    plugins: [preact()],
    resolve: {
      // y-webrtc's browser build of simple-peer carries Node's Buffer and streams (96 KB of
      // the side panel) for features y-webrtc never uses; lib/room/peer.ts does its part.
      alias: { 'simple-peer/simplepeer.min.js': resolve(import.meta.dirname, 'lib/room/peer.ts') },
    },
    build: { sourcemap: process.env.KRING_SOURCEMAP === '1' },
    // The default signaling server, fixed at build time (lib/app/config.ts).
    define: {
      __KRING_SIGNALING_URL__: JSON.stringify(process.env.KRING_SIGNALING_URL ?? ''),
    },
  }),
  webExt: {
    ...(chromeBinary ? { binaries: { chrome: chromeBinary } } : {}),
    // Chromium refuses to start as root without --no-sandbox (containers, CI-like machines).
    ...(process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {}),
  },
  manifest: ({ browser }) => ({
    name: 'Kring',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    action: { default_title: 'Kring' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'kring@kring-toolkit', strict_min_version: '115.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
