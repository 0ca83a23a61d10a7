import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See ../shared/TESTING.md: WXT adds no `sidePanel` permission and no `action` key by itself,
// so both are declared here, per browser.
export default defineConfig({
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Kring',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    action: { default_title: 'Kring' },
  }),
});
