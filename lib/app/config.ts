/**
 * Build-time configuration. `KRING_SIGNALING_URL` and `KRING_WEB_URL` are read when Kring is
 * built (vite.shared.ts defines them); tests and builds without it use our own local server, never a
 * public one (DESIGN.md, "Trust").
 */
declare const __KRING_SIGNALING_URL__: string | undefined;

export const FALLBACK_SIGNALING_URL = 'ws://localhost:4444';

export const DEFAULT_SIGNALING_URL: string =
  typeof __KRING_SIGNALING_URL__ === 'string' && __KRING_SIGNALING_URL__ !== ''
    ? __KRING_SIGNALING_URL__
    : FALLBACK_SIGNALING_URL;

/**
 * `KRING_WEB_URL`: the participants' page the invite link and QR code lead to, fixed when the
 * extension is built (e.g. `https://kring.example.org/`). '' when not set: the page is then
 * derived from the signaling server's address (lib/app/settings.ts, `participantPage`).
 */
declare const __KRING_WEB_URL__: string | undefined;

export const DEFAULT_WEB_URL: string =
  typeof __KRING_WEB_URL__ === 'string' ? __KRING_WEB_URL__ : '';
