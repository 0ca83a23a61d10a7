import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type OpenPresentation, roomWindowPresenter } from '../../lib/platform/present';

/**
 * How Present opens the room window. The default is the real one (a same-origin `room.html`
 * next to the page, lib/platform/present.ts), the same in the side panel and the web app;
 * tests provide a fake window through this context.
 */
export const PresentContext = createContext<OpenPresentation | null>(null);

let defaultPresenter: OpenPresentation | null = null;

export function usePresent(): OpenPresentation {
  const provided = useContext(PresentContext);
  if (provided) return provided;
  defaultPresenter ??= roomWindowPresenter();
  return defaultPresenter;
}
