import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Keeps an element (the composer) in view while focus is inside it. On a phone the on-screen
 * keyboard takes half the screen right after the focus: the web page asks browsers to shrink
 * the page for it (`interactive-widget=resizes-content`, web/index.html), and after that resize,
 * or a line more of text, the element is scrolled back into view, as little as needed.
 * In the side panel nothing resizes and this is a no-op.
 */
export function useKeepInView(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const reveal = () => {
      if (element.contains(document.activeElement)) element.scrollIntoView({ block: 'nearest' });
    };
    // The visual viewport also shrinks where the page itself does not (iOS Safari).
    const viewport = globalThis.visualViewport ?? globalThis;
    element.addEventListener('focusin', reveal);
    element.addEventListener('input', reveal);
    viewport.addEventListener('resize', reveal);
    return () => {
      element.removeEventListener('focusin', reveal);
      element.removeEventListener('input', reveal);
      viewport.removeEventListener('resize', reveal);
    };
  }, [ref]);
}
