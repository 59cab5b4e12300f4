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
