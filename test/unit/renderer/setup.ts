import '@testing-library/jest-dom/vitest';

// jsdom has no layout, so no ResizeObserver: components that measure themselves (bind:clientHeight)
// get one that never reports, and fall back to their defaults as they do before the first paint.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// Nor does jsdom implement scrolling: keyboard navigation scrolls the selected row into view,
// which in a layout-less document has nothing to do.
if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}
