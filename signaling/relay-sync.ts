import { err, ok } from '../lib/result';
import { writeSyncUnanswered } from '../lib/room/relay-control';
import type { RelayHeader } from '../lib/room/relay-frame';
import { RelayFrameType } from '../lib/room/relay-frame';
import type {
  Member,
  RelayDropReason,
  RelayReceipt,
  RouterContext,
  SyncRequest,
} from './relay-types';

/**
 * Late-joiner catch-up with one responder (issue 10). Excalidraw's rooms have every client
 * re-send the whole scene when someone joins: 199 copies for one joiner. Here a sync request
 * without a target goes to ONE member the server picks; its reply (a `syncReply`, or `chunk`s
 * naming the request in `inReplyTo`) is routed back to the requester only. If the responder
 * leaves, or has not started answering within RELAY_SYNC_TIMEOUT_MS, the next one is asked, up
 * to RELAY_SYNC_MAX_ATTEMPTS; then the requester is told nobody answered (sync-unanswered).
 *
 * The choice: only members with the requester's key id (another key cannot even decrypt the
 * request), not asked before for it; among them the ones that are not slow (queue under the
 * soft limit) and not busy (fewer than RELAY_MAX_ANSWERS_PER_RESPONDER answers open), and then
 * the longest connected, who is likeliest to hold the whole state.
 *
 * A reply is one `syncReply` frame (which closes the request) or a run of `chunk` frames (the
 * server cannot see the last one, so the request closes RELAY_SYNC_REPLY_IDLE_MS after it). A
 * reply to a request the server did not route to that sender is dropped.
 *
 * A requester may also be a proxy for a member of another instance (relay-remote.ts): elected
 * for and answered the same way, its deliveries go back over the bus.
 */
export class SyncElection {
  constructor(private readonly context: RouterContext) {}

  /** A sync request from `requester`; a target, when set, was checked to be in the room. */
  request(
    requester: Member,
    header: RelayHeader,
    frame: Uint8Array,
    target: Member | null,
  ): RelayReceipt {
    const room = requester.room;
    if (requester.requesting >= this.context.limits.maxOpenSyncRequests) {
      return err('too-many-sync-requests');
    }
    const key = requestKey(requester.sender, header.counter);
    if (room.requests.has(key)) return err('too-many-sync-requests'); // a repeat of an open one
    const request: SyncRequest = {
      key,
      requester,
      counter: header.counter,
      elected: target === null,
      frame,
      responder: null,
      asked: new Set(),
      answering: false,
      cancelTimer: null,
    };
    room.requests.set(key, request);
    requester.requesting++;
    this.ask(request, target ?? this.pick(request));
    return ok({ delivered: request.responder ? 1 : 0 });
  }

  /**
   * A `syncReply`, or a `chunk` with `inReplyTo`, from `responder`: routed back when it answers
   * an open request that was routed to it. Returns the requester to deliver it to.
   */
  reply(responder: Member, header: RelayHeader): Member | RelayDropReason {
    if (header.target === null) return 'unrequested-reply';
    const request = responder.room.requests.get(requestKey(header.target, header.inReplyTo));
    if (!request?.asked.has(responder.sender)) return 'unrequested-reply';
    if (request.responder !== responder) {
      // A late answer from a member asked before: welcome, and the current one is released.
      this.release(request);
      request.responder = responder;
      responder.answering++;
    }
    if (header.type === RelayFrameType.syncReply) {
      this.close(request);
    } else {
      request.answering = true;
      request.frame = null;
      this.restartTimer(request, this.context.limits.syncReplyIdleMs, () => this.close(request));
    }
    return request.requester;
  }

  /** A member left: its own requests close, and requests it was answering go to the next one. */
  leave(member: Member): void {
    for (const request of [...member.room.requests.values()]) {
      if (request.requester === member) {
        this.close(request);
      } else if (request.responder === member) {
        this.release(request);
        if (request.elected && request.frame !== null) this.ask(request, this.pick(request));
        else this.giveUp(request); // half a chunked reply arrived: the requester asks again
      }
    }
  }

  private ask(request: SyncRequest, responder: Member | null): void {
    const { limits, counters } = this.context;
    const frame = request.frame;
    if (responder === null || frame === null || request.asked.size >= limits.syncMaxAttempts) {
      this.giveUp(request);
      return;
    }
    request.asked.add(responder.sender);
    request.responder = responder;
    responder.answering++;
    if (request.elected) counters.syncElections++;
    this.restartTimer(request, limits.syncTimeoutMs, () => {
      counters.syncTimeouts++;
      this.release(request);
      if (request.elected) this.ask(request, this.pick(request));
      else this.giveUp(request);
    });
    // Delivered last: a failed delivery disconnects the responder later, which re-asks.
    this.context.deliver(responder, frame);
  }

  private pick(request: SyncRequest): Member | null {
    const { requester, asked } = request;
    const { softBufferedBytes, maxAnswersPerResponder } = this.context.limits;
    let best: Member | null = null;
    let bestBusy = true;
    for (const member of requester.room.members.values()) {
      if (member === requester || member.gone || member.keyId !== requester.keyId) continue;
      if (asked.has(member.sender)) continue;
      const busy =
        member.sink.bufferedBytes() > softBufferedBytes ||
        member.answering >= maxAnswersPerResponder;
      // Members come in join order, so the first of each kind is the longest connected.
      if (best === null || (bestBusy && !busy)) {
        best = member;
        bestBusy = busy;
        if (!busy) break;
      }
    }
    return best;
  }

  private giveUp(request: SyncRequest): void {
    this.context.counters.syncUnanswered++;
    const { requester } = request;
    this.close(request);
    if (!requester.gone) this.context.deliver(requester, writeSyncUnanswered(request.counter));
  }

  private close(request: SyncRequest): void {
    const room = request.requester.room;
    if (room.requests.get(request.key) !== request) return;
    room.requests.delete(request.key);
    const { requester } = request;
    requester.requesting--;
    // A requester on another instance (relay-remote.ts) is kept only while it has a request open.
    if (requester.requesting === 0 && room.proxies.get(requester.sender) === requester) {
      room.proxies.delete(requester.sender);
    }
    this.release(request);
    request.cancelTimer?.();
    request.cancelTimer = null;
    request.frame = null;
  }

  private release(request: SyncRequest): void {
    if (request.responder) request.responder.answering--;
    request.responder = null;
  }

  private restartTimer(request: SyncRequest, delayMs: number, run: () => void): void {
    request.cancelTimer?.();
    request.cancelTimer = this.context.clock.schedule(delayMs, () => {
      request.cancelTimer = null;
      run();
    });
  }
}

function requestKey(requester: string, counter: number): string {
  return `${requester}/${counter}`;
}
