/**
 * Brings a heading to the top of the screen when a link opened a screen at
 * one of its sections. The sections above it fill in as their data arrives
 * and push it down, so this keeps it in place until it has stayed put for a
 * few frames (at most two seconds), and stops as soon as the baker scrolls.
 * Focus moves to the heading too, so a screen reader starts there.
 */
export function scrollToHeading(id: string): () => void {
  const until = performance.now() + 2000;
  let stopped = false;
  let lastTop = Number.NaN;
  let still = 0;
  const stop = () => (stopped = true);
  window.addEventListener('wheel', stop, { once: true, passive: true });
  window.addEventListener('touchstart', stop, { once: true, passive: true });
  const attempt = () => {
    if (stopped) return;
    const heading = document.getElementById(id);
    if (heading) {
      const top = heading.getBoundingClientRect().top + window.scrollY;
      if (top !== lastTop) {
        heading.scrollIntoView({ block: 'start' });
        if (document.activeElement !== heading) heading.focus({ preventScroll: true });
        lastTop = top;
        still = 0;
      } else still += 1;
    }
    if (still < 10 && performance.now() < until) requestAnimationFrame(attempt);
    else stop();
  };
  requestAnimationFrame(attempt);
  return () => {
    stop();
    window.removeEventListener('wheel', stop);
    window.removeEventListener('touchstart', stop);
  };
}
