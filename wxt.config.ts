import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See ../shared/TESTING.md: WXT adds no `sidePanel` permission and no `action` key by itself,
// so both are declared here, per browser.
export default defineConfig({
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: process.env.KRING_SOURCEMAP === '1' },
    // The default signaling server, fixed at build time (lib/app/config.ts).
    define: {
      __KRING_SIGNALING_URL__: JSON.stringify(process.env.KRING_SIGNALING_URL ?? ''),
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Kring',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    action: { default_title: 'Kring' },
  }),
});
