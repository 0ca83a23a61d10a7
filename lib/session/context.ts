import { nanoid } from 'nanoid';
import type { Role } from './types';

/**
 * What the core needs to know about the device that acts: its clock, fresh ids and the role
 * of the person using it. Injected so tests and fuzzers are deterministic; production uses the
 * wall clock and nanoid. The role never reaches the shared document; it only decides what the
 * write guard lets this device do (capabilities.ts).
 */
export interface SessionContext {
  readonly now: () => Date;
  readonly newId: () => string;
  /** Defaults to 'facilitator': the core's own tests and tools may do everything. */
  readonly role?: Role;
}

/** 12 nanoid characters: ~71 bits, ample for 5,000 items made concurrently on many devices. */
const ID_LENGTH = 12;

export const defaultContext: SessionContext = {
  now: () => new Date(),
  newId: () => nanoid(ID_LENGTH),
};

/** The same context acting as `role`. */
export function withRole(context: SessionContext, role: Role): SessionContext {
  return { ...context, role };
}
