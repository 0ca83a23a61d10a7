import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createSessionModel } from '../../lib/app/session-model';
import { addItem, createSession } from '../../lib/session';
import type { Template } from '../../lib/templates/types';
import { fixedContext } from '../helpers/context';
import { MemoryRooms } from '../helpers/memory-rooms';
import { expectOk, snap } from '../helpers/session';
import { testTemplate } from '../helpers/test-template';

/** Issue 8: the session model's series moves, between two devices over the tests' network. */

const studio: Template = { ...testTemplate, id: 'studio', learningQuestion: true };
const options = (role: 'facilitator' | 'participant') =>
  ({ signalingUrls: [], iceServers: [], role }) as const;

describe('the session model’s series moves', () => {
  it('a participant ticks off an action; only the facilitator sets the learning question', async () => {
    const rooms = new MemoryRooms();
    const services = rooms.services();
    const secrets = { roomName: 'room', password: 'pw' };
    const facilitatorDoc = new Y.Doc();
    expectOk(createSession(facilitatorDoc, { template: studio, locale: 'en' }, fixedContext()));
    const action = expectOk(
      addItem(facilitatorDoc, { kind: 'action', phaseId: 'act', text: 'Call', owner: 'Ana' }),
    );
    const insight = expectOk(
      addItem(facilitatorDoc, { kind: 'insight', phaseId: 'act', text: 'I' }),
    );
    const participantDoc = new Y.Doc();
    const facilitator = createSessionModel({
      doc: facilitatorDoc,
      transport: services.connect(facilitatorDoc, secrets, options('facilitator')),
      role: 'facilitator',
      displayName: '',
      device: new Y.Doc(),
    });
    const participant = createSessionModel({
      doc: participantDoc,
      transport: services.connect(participantDoc, secrets, options('participant')),
      role: 'participant',
      displayName: 'Noor',
      device: new Y.Doc(),
    });
    await vi.waitFor(() => expect(participant.snapshot.value?.items).toHaveLength(2));

    expectOk(participant.setItemDone(action, true));
    await vi.waitFor(() =>
      expect(facilitator.snapshot.value?.items.find((i) => i.id === action)?.done).toBe(true),
    );

    // The question's own form shows its refusal; the session screen's error stays clear.
    expect(participant.setLearningQuestion('Mine?')).toEqual({
      ok: false,
      error: { code: 'not-allowed', action: 'set-title' },
    });
    expect(participant.lastError.value).toBeNull();
    expectOk(facilitator.setLearningQuestion('What do residents need?'));
    await vi.waitFor(() =>
      expect(participant.snapshot.value?.learningQuestion).toBe('What do residents need?'),
    );

    // A checkbox has no error display of its own: its refusal goes to the session screen.
    expect(facilitator.setItemDone(insight, true).ok).toBe(false);
    expect(facilitator.lastError.value).toEqual({ code: 'cannot-be-done', itemId: insight });
    expect(snap(participantDoc)).toEqual(snap(facilitatorDoc));
    facilitator.destroy();
    participant.destroy();
  });
});
