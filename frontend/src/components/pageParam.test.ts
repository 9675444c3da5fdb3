import { describe, expect, it } from 'vitest';
import { pageParam } from './pageParam';

describe('pageParam', () => {
  it('takes a whole page number from 1 and opens the first page for anything else', () => {
    expect(pageParam(new URLSearchParams('page=3'))).toBe(3);
    for (const bad of ['', 'page=', 'page=0', 'page=-3', 'page=1.5', 'page=abc', 'page=1e400']) {
      expect(pageParam(new URLSearchParams(bad))).toBe(1);
    }
  });
});
