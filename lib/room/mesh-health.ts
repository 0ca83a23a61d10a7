import { SIGNALING_GRACE_MS } from '../limits';
import type { ChannelStatus } from './channel';

/**
 * The mesh's health (mesh.ts) as a person sees it, from events rather than polling: online while
 * any signaling socket is open, offline when the browser says so, and "unreachable" only after
 * SIGNALING_GRACE_MS of trying, so the first seconds read as "connecting". `restart` gives a
 * retry the grace period again.
 */
export interface MeshHealth {
  current(): ChannelStatus;
  /** Recomputes the status and calls `changed` if its kind changed. */
  update(): void;
  restart(): void;
  destroy(): void;
}

export function meshHealth(
  anySocketOpen: () => boolean,
  changed: (status: ChannelStatus) => void,
): MeshHealth {
  let current: ChannelStatus = { kind: 'connecting' };
  let connectingSince = Date.now();
  let destroyed = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  function compute(): ChannelStatus {
    if (anySocketOpen()) return { kind: 'online' };
    // A reachable server outranks navigator.onLine, which is false on some hosts that work.
    if (globalThis.navigator?.onLine === false) return { kind: 'offline' };
    return Date.now() - connectingSince < SIGNALING_GRACE_MS
      ? { kind: 'connecting' }
      : { kind: 'unreachable' };
  }

  function update(): void {
    if (destroyed) return;
    const next = compute();
    if (next.kind === current.kind) return;
    current = next;
    changed(current);
  }

  function restart(): void {
    connectingSince = Date.now();
    clearTimeout(graceTimer);
    graceTimer = setTimeout(update, SIGNALING_GRACE_MS + 10);
  }

  restart();
  return {
    current: () => current,
    update,
    restart,
    destroy() {
      destroyed = true;
      clearTimeout(graceTimer);
    },
  };
}
