/**
 * What the builds use in place of `lib0/logging` (vite.shared.ts aliases it). Yjs imports that
 * module only to print two warnings and one notice; with it come lib0/dom and lib0/schema, for
 * coloured console output, about 2.7 KB of the 90 KB the first screen may load (issue 7). This
 * stand-in prints the same text without colours. The tests run the real module; a unit test
 * (tests/unit/lib0-logging.test.ts) checks that this one has everything Yjs calls.
 */

/** Style markers Yjs passes among the text: dropped here. */
export const BOLD = Symbol('bold');
export const UNBOLD = Symbol('unbold');
export const BLUE = Symbol('blue');
export const GREY = Symbol('grey');
export const GREEN = Symbol('green');
export const RED = Symbol('red');
export const PURPLE = Symbol('purple');
export const ORANGE = Symbol('orange');
export const UNCOLOR = Symbol('uncolor');

const withoutStyles = (args: readonly unknown[]) => args.filter((arg) => typeof arg !== 'symbol');

export const print = (...args: unknown[]): void => console.log(...withoutStyles(args));
export const warn = (...args: unknown[]): void => console.warn(...withoutStyles(args));
