import type { ReadonlySignal } from '@preact/signals';
import type { Transport } from '../room/transport';
import type { SessionSnapshot } from '../session';

/**
 * A session whose document says "Large group" (issue 10) asks its transport for the relay,
 * once: for the facilitator at once (the new document is filled before it connects), for a
 * participant as soon as the document arrives from a peer. The session model owns the
 * transport, so this lives here, not in a component. Returns the unsubscribe.
 */
export function preferRelayForLargeGroup(
  snapshot: ReadonlySignal<SessionSnapshot | null>,
  transport: Transport,
): () => void {
  if (!transport.preferRelay) return () => {};
  let asked = false;
  return snapshot.subscribe((session) => {
    if (asked || !session?.largeGroup) return;
    asked = true;
    transport.preferRelay?.();
  });
}
