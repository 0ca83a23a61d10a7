/**
 * Dragging an insight onto a theme (HTML5 drag and drop). The data type is Kring's own, so a
 * drop zone ignores text or files dragged in from elsewhere, and a drag from another Kring
 * window carries an id this session does not know (setItemTheme then refuses it).
 */
export const INSIGHT_DRAG_TYPE = 'application/x-kring-insight';

export function startInsightDrag(event: DragEvent, itemId: string, row: Element | null): void {
  const data = event.dataTransfer;
  if (!data) return;
  data.setData(INSIGHT_DRAG_TYPE, itemId);
  data.effectAllowed = 'move';
  // The handle starts the drag; the whole row is what the person sees moving.
  if (row) data.setDragImage(row, 16, 16);
}

/** Whether a drag over a drop zone carries an insight (its id is readable only on drop). */
export function carriesInsight(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(INSIGHT_DRAG_TYPE) ?? false;
}

/** The insight dropped, or null for anything else. */
export function droppedInsight(event: DragEvent): string | null {
  const id = event.dataTransfer?.getData(INSIGHT_DRAG_TYPE);
  return id ? id : null;
}
