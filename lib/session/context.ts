import { nanoid } from 'nanoid';

/**
 * Where the core gets time and fresh ids. Injected so tests and fuzzers are deterministic;
 * production uses the wall clock and nanoid.
 */
export interface SessionContext {
  readonly now: () => Date;
  readonly newId: () => string;
}

/** 12 nanoid characters: ~71 bits, ample for 5,000 items made concurrently on many devices. */
const ID_LENGTH = 12;

export const defaultContext: SessionContext = {
  now: () => new Date(),
  newId: () => nanoid(ID_LENGTH),
};
