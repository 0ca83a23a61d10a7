import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * How many children of a clipped list fit inside it (also across CSS columns), so the room view
 * can show the newest contributions that fit and count the rest as "+ N more" instead of
 * letting a long list run off the screen. Measured after layout: a render with every child
 * (`fit` null), a count of those inside the list's box, and a render without the rest. Measured
 * again when `key` (what the children show) or the list's size changes: the window, full
 * screen, the code shown or hidden, or the room page's styles arriving after the first render.
 * Without layout (tests) everything "fits".
 */
export function useFitCount(
  ref: RefObject<HTMLElement | null>,
  total: number,
  key: string,
): number {
  const [fit, setFit] = useState<number | null>(null);
  /** What the last count was made for, and whether the render showing it is still to come. */
  const measured = useRef({ stamp: '', content: '', showing: false });
  const [, setResizes] = useState(0);

  // After every render: cheap, and it catches the list appearing, new content and new sizes.
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const content = `${total}|${key}`;
    const stamp = `${list.clientWidth}x${list.clientHeight}|${content}`;
    const last = measured.current;
    if (fit === null) {
      measured.current = { stamp, content, showing: true };
      setFit(countFitting(list));
    } else if (last.showing && last.content === content) {
      // The first render with the count. Its size is taken as it is: a list whose size
      // followed its content would otherwise be measured again and again.
      measured.current = { stamp, content, showing: false };
    } else if (stamp !== last.stamp) {
      setFit(null);
    }
  });

  // A resize does not render by itself: an observer asks for a render, and the effect above
  // compares sizes. It is the list's own window's ResizeObserver: the room view lives in
  // another window than the script that renders it, and an observer sees its own window only.
  const observed = useRef<{ list: HTMLElement; observer: ResizeObserver } | null>(null);
  useEffect(() => {
    const list = ref.current;
    if (observed.current?.list === list) return;
    observed.current?.observer.disconnect();
    observed.current = null;
    const Observer = list?.ownerDocument.defaultView?.ResizeObserver;
    if (!list || !Observer) return;
    const observer = new Observer(() => setResizes((n) => n + 1));
    observer.observe(list);
    observed.current = { list, observer };
  });
  useEffect(() => () => observed.current?.observer.disconnect(), []);

  return Math.min(fit ?? total, total);
}

function countFitting(list: HTMLElement): number {
  const bottom = list.clientHeight + 1;
  const right = list.clientWidth + 1;
  const children = [...list.children] as HTMLElement[];
  const outside = children.findIndex(
    (child) =>
      child.offsetTop + child.offsetHeight > bottom || child.offsetLeft + child.offsetWidth > right,
  );
  return outside < 0 ? children.length : outside;
}
