/**
 * Build-time configuration. `KRING_SIGNALING_URL` is read when the extension is built
 * (wxt.config.ts defines it); tests and builds without it use our own local server, never a
 * public one (DESIGN.md, "Trust").
 */
declare const __KRING_SIGNALING_URL__: string | undefined;

export const FALLBACK_SIGNALING_URL = 'ws://localhost:4444';

export const DEFAULT_SIGNALING_URL: string =
  typeof __KRING_SIGNALING_URL__ === 'string' && __KRING_SIGNALING_URL__ !== ''
    ? __KRING_SIGNALING_URL__
    : FALLBACK_SIGNALING_URL;
