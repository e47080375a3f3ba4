/**
 * Svelte actions for "is this element within `margin` of the screen?", one
 * IntersectionObserver each.
 *
 * `nearScreen` reports every change (an endless list's end: ListEnd.svelte).
 * `whenNear` calls once, the first time, then stops watching: the event
 * workspace's lower sections (shop, "Can we box it?", progress, planned
 * against actual) read only then. Each is a whole plan's worth of work in the
 * worker, and run on opening they held the sections the baker sees first (at
 * M the workspace went from ~160 to ~250 ms). Scrolling, or a link that lands
 * on a section, brings them in; the margin starts the read a screen or so
 * before the section shows.
 */
export function nearScreen(node: Element, options: { onChange: (near: boolean) => void; margin: string }): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') {
    options.onChange(true);
    return { destroy() {} };
  }
  const watcher = new IntersectionObserver((entries) => options.onChange(entries[entries.length - 1]!.isIntersecting), { rootMargin: options.margin });
  watcher.observe(node);
  return { destroy: () => watcher.disconnect() };
}

export function whenNear(node: Element, near: () => void, margin = '600px'): { destroy(): void } {
  let called = false;
  const watch = nearScreen(node, {
    margin,
    onChange: (isNear) => {
      if (!isNear || called) return;
      called = true;
      near();
      // Stopped after the callback returns: the observer is still being set up on the first call.
      queueMicrotask(() => watch.destroy());
    },
  });
  return watch;
}
