/**
 * Selects a box's whole content when it gets focus, so the first key typed
 * replaces the old value instead of adding to it (a tap on a touch screen
 * would otherwise put the caret at the end). Deferred one frame because the
 * tap's own mouseup would undo a selection made during focus.
 */
export function selectOnFocus(event: FocusEvent): void {
  const input = event.currentTarget as HTMLInputElement;
  requestAnimationFrame(() => {
    if (document.activeElement === input) input.select();
  });
}
