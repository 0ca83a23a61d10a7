import { existsSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { kringViteShared } from './vite.shared';

/** The browser `npm start` opens: CHROME_PATH, else Debian's Chromium if present. */
const chromeBinary =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// See ../shared/TESTING.md: WXT adds no `sidePanel` permission and no `action` key by itself,
// so both are declared here, per browser. Firefox gets `sidebar_action` from the sidepanel
// entrypoint.
export default defineConfig({
  vite: () => {
    // The build-time defines the web page's build uses too (vite.shared.ts).
    const shared = kringViteShared();
    return {
      plugins: [preact()],
      build: { sourcemap: shared.sourcemap },
      define: shared.define,
      resolve: { alias: shared.alias },
    };
  },
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
