import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useReducedMotion } from './useReducedMotion';

const original = window.matchMedia;

/** A media query list for '(prefers-reduced-motion: reduce)' whose answer the test changes. */
function fakeSystem(initially: boolean) {
  let matches = initially;
  const listeners = new Set<() => void>();
  window.matchMedia = ((media: string) => ({
    get matches() {
      return media === '(prefers-reduced-motion: reduce)' && matches;
    },
    media, onchange: null, addListener: () => {}, removeListener: () => {}, dispatchEvent: () => false,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  })) as unknown as typeof window.matchMedia;
  return {
    set(value: boolean) {
      matches = value;
      listeners.forEach((l) => l());
    },
    listening: () => listeners.size,
  };
}

afterEach(() => {
  window.matchMedia = original;
});

describe('useReducedMotion', () => {
  it('follows the system setting, also when it changes, and stops listening when unmounted', () => {
    const system = fakeSystem(false);
    const { result, unmount } = renderHook(() => useReducedMotion());
    expect(result.current).toBe(false);
    act(() => system.set(true));
    expect(result.current).toBe(true);
    act(() => system.set(false));
    expect(result.current).toBe(false);
    unmount();
    expect(system.listening()).toBe(0);
  });

  it('is on from the start when the system asks for it', () => {
    fakeSystem(true);
    expect(renderHook(() => useReducedMotion()).result.current).toBe(true);
  });
});
