import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { kringViteShared } from './vite.shared';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The pages of the web app, one html file each in web/. Add a page by adding its file here,
 * e.g. `room: here('web/room.html')`; it is built to .output/web/room.html.
 */
const pages = {
  index: here('web/index.html'),
  room: here('web/room.html'),
  handout: here('web/handout.html'),
};

const shared = kringViteShared();

// `npm run build:web`: the participants' web app as static files in .output/web, for any
// static host or `npm run signaling`. That server sends `script-src 'self'; style-src 'self'`,
// so the build must have no inline script or style: Vite links the entry and its CSS as
// files, `assetsInlineLimit: 0` keeps icons out of data: URLs, and no module-preload polyfill
// is injected (every browser Kring supports has modulepreload).
export default defineConfig({
  root: here('web'),
  // Relative asset URLs: the page works at a host's root or under any folder.
  base: './',
  publicDir: false,
  plugins: [preact()],
  define: shared.define,
  resolve: { alias: shared.alias },
  build: {
    outDir: here('.output/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: shared.sourcemap,
    rollupOptions: { input: pages },
  },
});
