import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// antd asks for media queries and element sizes that jsdom does not have
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
// antd measures pseudo-elements (getComputedStyle(el, '::before')), which jsdom does not implement and logs
// about: ask for the element's own style instead
window.getComputedStyle = ((original) => (element: Element) => original(element))(window.getComputedStyle);

afterEach(() => cleanup());
