/**
 * A Svelte action: calls `near` once the element comes within `margin` of the
 * screen, then stops watching. The event workspace's lower sections (shop,
 * "Can we box it?", progress) read only then: each is a whole plan's worth of
 * work in the worker, and run on opening they held the sections the baker
 * sees first (at M the workspace went from ~160 to ~250 ms). Scrolling, or
 * a link that lands on a section, brings them in; the margin starts the read
 * a screen or so before the section shows.
 */
export function whenNear(node: Element, near: () => void, margin = '600px'): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') {
    near();
    return { destroy() {} };
  }
  const watcher = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      watcher.disconnect();
      near();
    },
    { rootMargin: margin },
  );
  watcher.observe(node);
  return { destroy: () => watcher.disconnect() };
}
