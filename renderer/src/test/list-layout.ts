import { vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is 0 px high and cannot scroll programmatically. This gives scrollable
 * elements a height and a `scrollTo` that moves them and then fires `scroll`, as a browser would, so a virtualised list
 * computes a real window. Spies are restored by the setup's `vi.restoreAllMocks()`; `scrollTo` by the returned function.
 */
export function layOutScrollables(heightPx: number): () => void {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(heightPx);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
  // A virtualised list sizes its first child to the whole list: that is how far it scrolls.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    const child = this.firstElementChild;
    const height = child instanceof HTMLElement ? Number.parseFloat(child.style.height) : Number.NaN;
    return Number.isNaN(height) ? heightPx : Math.max(height, heightPx);
  });
  const scrollTo = function (this: Element, options?: ScrollToOptions | number): void {
    const top = typeof options === 'number' ? options : options?.top;
    if (top === undefined) return;
    this.scrollTop = top;
    // Browsers fire `scroll` on a later task, never inside the call that scrolled.
    setTimeout(() => {
      this.dispatchEvent(new Event('scroll'));
    }, 0);
  };
  Object.defineProperty(Element.prototype, 'scrollTo', { configurable: true, writable: true, value: scrollTo });
  return () => {
    Reflect.deleteProperty(Element.prototype, 'scrollTo');
  };
}
