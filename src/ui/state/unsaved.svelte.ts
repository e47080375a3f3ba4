/**
 * Typing not saved yet is not thrown away silently: while `dirty()` holds,
 * a reload or closing the tab asks the browser's own question, and an
 * in-app move away (a link, Back) asks `question` first. Call it during a
 * form screen's setup; it lasts as long as the screen.
 */
import type { Router } from './router.svelte';

export function askBeforeLeaving(router: Router, dirty: () => boolean, question: string): void {
  $effect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const unguard = router.guard(() => !dirty() || confirm(question));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      unguard();
    };
  });
}
