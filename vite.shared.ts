import { fileURLToPath } from 'node:url';

/**
 * What the two builds share: the extension (wxt.config.ts) and the participants' web page
 * (vite.web.config.ts) bundle the same app, so they resolve and define it the same way.
 */
export function kringViteShared() {
  return {
    // The default signaling server, fixed at build time (lib/app/config.ts; web/main.tsx).
    define: {
      __KRING_SIGNALING_URL__: JSON.stringify(process.env.KRING_SIGNALING_URL ?? ''),
      // The participants' page the invite link leads to ('' = derived from signaling).
      __KRING_WEB_URL__: JSON.stringify(process.env.KRING_WEB_URL ?? ''),
    },
    sourcemap: process.env.KRING_SOURCEMAP === '1',
    // Yjs's coloured console logging (with lib0/dom and lib0/schema) is not shipped: a stand-in
    // prints the same warnings (lib/platform/lib0-logging.ts says why).
    alias: [
      {
        find: /^lib0\/logging$/,
        replacement: fileURLToPath(new URL('./lib/platform/lib0-logging.ts', import.meta.url)),
      },
    ],
  };
}
