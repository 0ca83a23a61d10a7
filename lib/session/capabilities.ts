import type * as Y from 'yjs';
import { defaultContext, type SessionContext } from './context';
import { orderedPhases } from './phase-order';
import { checkSchema, metaOf, readString } from './schema';
import {
  type Capability,
  type Role,
  type SessionError,
  type SessionStatus,
  THEME_POLICIES,
  type ThemePolicy,
} from './types';

/** What the write guard and the screens need to know about a session and one of its phases. */
export interface CapabilityInput {
  readonly role: Role;
  readonly status: SessionStatus;
  /** The document claims a schema this Kring cannot write safely (see schema.ts). */
  readonly readOnly: boolean;
  /** Who may handle themes in the phase in question; 'off' when there is no phase. */
  readonly themes?: ThemePolicy;
}

const FACILITATOR_ONLY: ReadonlySet<Capability> = new Set([
  'set-title',
  'step-phase',
  'edit-phases',
  'timer',
  'end-session',
  'reopen-session',
  'reveal',
  'manage-voting',
]);

/** What still makes sense after the end: opening it again. The harvest is always exportable. */
const AFTER_THE_END: ReadonlySet<Capability> = new Set(['reopen-session']);

/**
 * The one answer to "may this person do that now?". Components read it to show controls; the
 * core's write guard enforces it, so a control that slipped through still cannot write.
 * Roles are a property of the device (who started the session), not of the shared document:
 * a modified client can ignore its own guard, which is why nothing here is a security
 * boundary against peers (see votes.ts for what is contained on reading).
 */
export function capabilities(input: CapabilityInput): ReadonlySet<Capability> {
  const allowed = new Set<Capability>();
  if (input.readOnly) return allowed;
  const facilitator = input.role === 'facilitator';
  const themes = input.themes ?? 'off';
  const themesOpen = themes === 'anyone' || (themes === 'facilitator' && facilitator);
  const all: Capability[] = [
    'add-item',
    'edit-item',
    'delete-item',
    'vote',
    ...FACILITATOR_ONLY,
    ...(themesOpen ? (['edit-themes', 'move-to-theme'] as const) : []),
  ];
  for (const capability of all) {
    if (FACILITATOR_ONLY.has(capability) && !facilitator) continue;
    if (input.status === 'ended' && !AFTER_THE_END.has(capability)) continue;
    if (input.status === 'running' && capability === 'reopen-session') continue;
    allowed.add(capability);
  }
  return allowed;
}

/**
 * The write guard every core operation calls first: refuses writes to a document this Kring
 * cannot read, to an ended session, and by a role that may not. `phaseId` names the phase
 * whose theme policy applies (themes only).
 */
export function guard(
  doc: Y.Doc,
  capability: Capability,
  context: SessionContext = defaultContext,
  phaseId?: string,
): SessionError | null {
  const schemaError = checkSchema(doc);
  if (schemaError) return schemaError;
  const status: SessionStatus = metaOf(doc).get('status') === 'ended' ? 'ended' : 'running';
  const role = context.role ?? 'facilitator';
  const allowed = capabilities({
    role,
    status,
    readOnly: false,
    themes: phaseId === undefined ? 'anyone' : themePolicyOf(doc, phaseId),
  });
  if (allowed.has(capability)) return null;
  if (status === 'ended' && capability !== 'reopen-session') return { code: 'session-ended' };
  return { code: 'not-allowed', action: capability };
}

function themePolicyOf(doc: Y.Doc, phaseId: string): ThemePolicy {
  const phase = orderedPhases(doc).find((entry) => entry.id === phaseId)?.record;
  if (!phase) return 'off';
  return readThemePolicy(readString(phase, 'themes'));
}

export function readThemePolicy(value: unknown): ThemePolicy {
  return (THEME_POLICIES as readonly unknown[]).includes(value) ? (value as ThemePolicy) : 'off';
}
