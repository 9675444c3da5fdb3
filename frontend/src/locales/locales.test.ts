import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import en from './en.json';
import analysisZhCN from './analysis/zh-CN.json';
import analysisEn from './analysis/en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

// the main files, and the bundles that load with their screens (i18n.ts: BUNDLES)
describe.each([
  ['the main message files', zhCN, en],
  ['the analysis bundle', analysisZhCN, analysisEn],
])('%s', (_, zh: object, english: object) => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(english)).toEqual(keys(zh));
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of keys(zh)) {
      expect(placeholders(lookup(english, key)), key).toEqual(placeholders(lookup(zh, key)));
    }
  });
});

it('keeps the bundles apart from the main files (no key in both, so neither overrides the other)', () => {
  const main = new Set(keys(zhCN));
  expect(keys(analysisZhCN).filter((k) => main.has(k))).toEqual([]);
});
