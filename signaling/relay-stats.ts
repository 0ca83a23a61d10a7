import type { LogEvent } from './log';
import type { RelayRouter } from './relay-room';

/**
 * The relay's `relay-stats` log line: its running totals and what it holds now. Counts and fixed
 * reason words only (log.ts' rule): no room tag, no sender id, no payload ever reaches it.
 */
export function relayStatsEvent(connections: number, router: RelayRouter): LogEvent {
  const { counters } = router;
  const { rooms, members } = router.stats();
  return {
    event: 'relay-stats',
    connections,
    rooms,
    members,
    joined: counters.joined,
    left: counters.left,
    framesIn: counters.framesIn,
    framesOut: counters.framesOut,
    bytesOut: counters.bytesOut,
    syncElections: counters.syncElections,
    syncUnanswered: counters.syncUnanswered,
    bridgedOut: counters.bridgedOut,
    bridgedIn: counters.bridgedIn,
    bridgeRefused: counters.bridgeRefused,
    remoteSyncRequestsOut: counters.remoteSyncRequestsOut,
    remoteSyncRequestsIn: counters.remoteSyncRequestsIn,
    remoteRepliesOut: counters.remoteRepliesOut,
    remoteRepliesIn: counters.remoteRepliesIn,
    remoteRefused: counters.remoteRefused,
    dropped: nonZero(counters.dropped),
    disconnected: nonZero(counters.disconnected),
  };
}

function nonZero(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}
