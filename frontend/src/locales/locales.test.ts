import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SCREEN_BUNDLE } from '../i18n';
import zhCN from './zh-CN.json';
import en from './en.json';

type Tree = Record<string, unknown>;
// the sources, as Vitest runs from the frontend folder (jsdom gives import.meta.url no file: address)
const SRC = resolve(process.cwd(), 'src');

// the bundles that load with their screens (i18n.ts: BUNDLES): every folder here with its zh-CN.json and en.json
const bundleFiles = import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' });
const bundleNames = [...new Set(Object.keys(bundleFiles).map((path) => path.split('/')[1]))].sort();
const bundle = (name: string, language: 'zh-CN' | 'en'): Tree => bundleFiles[`./${name}/${language}.json`];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

describe.each([
  ['the main message files', zhCN as Tree, en as Tree],
  ...bundleNames.map((name) => [`the ${name} bundle`, bundle(name, 'zh-CN'), bundle(name, 'en')] as [string, Tree, Tree]),
])('%s', (_, zh: Tree, english: Tree) => {
  it('have the same keys in Chinese and English', () => {
    expect(zh, 'the Chinese file').toBeTruthy();
    expect(english, 'the English file').toBeTruthy();
    expect(keys(english)).toEqual(keys(zh));
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree) as string;
    for (const key of keys(zh)) {
      expect(placeholders(lookup(english, key)), key).toEqual(placeholders(lookup(zh, key)));
    }
  });
});

it('defines each key in one place only (main file or one bundle), so none overrides another', () => {
  const where = new Map<string, string[]>();
  for (const [file, tree] of [['main', zhCN as Tree], ...bundleNames.map((name) => [name, bundle(name, 'zh-CN')] as const)] as const) {
    for (const key of keys(tree)) {
      where.set(key, [...(where.get(key) ?? []), file]);
    }
  }
  expect([...where].filter(([, files]) => files.length > 1).map(([key, files]) => `${key}: ${files.join(', ')}`)).toEqual([]);
});

it('loads every bundle folder through i18n.ts', () => {
  const i18nSource = readFileSync(join(SRC, 'i18n.ts'), 'utf8');
  for (const name of bundleNames) {
    expect(i18nSource, name).toContain(`import('./locales/${name}/zh-CN.json')`);
    expect(i18nSource, name).toContain(`import('./locales/${name}/en.json')`);
  }
});

/*
 * The eager/lazy boundary, by a static scan of src: a module the shell loads without a bundle (everything main.tsx
 * and App.tsx reach, except the routes App.tsx loads lazily) may only use keys of the main file; a lazy route may
 * use the main file and the bundles App.tsx loads with it (`withMessages(...)`, which adds the shared `screens` one),
 * for itself and all it imports.
 * Keys are the string literals that start with a message group ('feedback.overdue'); a template literal counts by its
 * fixed start (`feedback.status.${s}` needs feedback.status), a literal may also name a group handed on as a prefix.
 * Keys built entirely at run time (CustomerDetail's `${entity}.${field}`) are not seen.
 */
describe('the messages a screen uses are there when it renders', () => {
  const src = SRC;
  const sourceFiles = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'generated' ? [] : sourceFiles(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
  const code = new Map(sourceFiles(src).map((path) => [path, readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1')]));

  const resolveModule = (from: string, spec: string): string | undefined => {
    const base = resolve(dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => code.has(p));
  };

  const app = join(src, 'App.tsx');
  // App.tsx's lazy routes and the bundles each loads first
  const routes = new Map<string, string[]>();
  for (const m of code.get(app)!.matchAll(/lazy\(\(\) => (?:withMessages\((\[[^\]]*\]|'[^']*'),\s*)?import\('([^']+)'\)\)?\)/g)) {
    // withMessages adds the bundle all screens share
    const bundles = m[1] ? [SCREEN_BUNDLE, ...[...m[1].matchAll(/'([^']+)'/g)].map((b) => b[1])] : [];
    routes.set(resolveModule(app, m[2])!, bundles);
  }

  /** What a module loads with it: its static imports and, outside App.tsx's routes, its dynamic ones too. */
  const imports = (file: string): string[] => {
    const text = code.get(file)!;
    const specs = [
      ...[...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'(\.[^']+)'/g)].map((m) => m[1]),
      ...[...text.matchAll(/(?:^|\n)\s*import\s*'(\.[^']+)'/g)].map((m) => m[1]),
      ...[...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]),
    ];
    return specs.map((s) => resolveModule(file, s)).filter((p): p is string => !!p && !(file === app && routes.has(p)));
  };
  const closure = (start: string[]): Set<string> => {
    const seen = new Set<string>();
    const next = [...start];
    while (next.length) {
      const file = next.pop()!;
      if (!seen.has(file)) {
        seen.add(file);
        next.push(...imports(file));
      }
    }
    return seen;
  };

  const groups = new Set([zhCN as Tree, ...bundleNames.map((n) => bundle(n, 'zh-CN'))].flatMap((tree) => Object.keys(tree)));
  /** The keys a module names: [key, whether it is only the fixed start of a template literal]. */
  const usedKeys = (file: string): [string, boolean][] => [...code.get(file)!.matchAll(/(['"`])([A-Za-z][\w-]*\.[^'"`\s]*)\1?/g)]
    .map((m): [string, boolean] => {
      const text = m[2];
      const dynamic = m[1] === '`' && text.includes('${');
      return [dynamic ? text.slice(0, text.indexOf('${')) : text, dynamic || text.endsWith('.')];
    })
    .filter(([key]) => groups.has(key.split('.')[0]) && /^[\w-]+(\.[\w-]+)*\.?$/.test(key));

  const has = (trees: Tree[], key: string, prefix: boolean): boolean => {
    const parts = key.replace(/\.$/, '').split('.');
    const last = parts.pop()!;
    return trees.some((tree) => {
      const parent = parts.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree) as Tree | undefined;
      if (!parent || typeof parent !== 'object') {
        return false;
      }
      const value = parent[last];
      if (prefix) {
        return typeof value === 'object' && value !== null;
      }
      // a whole group counts too (a prefix handed on: messages: 'feedback.problems'), and plural forms: t('x', { count })
      return typeof value === 'string' || (typeof value === 'object' && value !== null) || ['zero', 'one', 'two', 'few', 'many', 'other'].some((p) => typeof parent[`${last}_${p}`] === 'string');
    });
  };
  const missing = (files: Set<string>, trees: Tree[]) => [...files].flatMap((file) => usedKeys(file)
    .filter(([key, prefix]) => !has(trees, key, prefix))
    .map(([key]) => `${relative(src, file)}: ${key}`));

  it('finds the routes and the keys (the scan itself works)', () => {
    expect(routes.size).toBeGreaterThan(10);
    expect(usedKeys(join(src, 'layout/menu.ts')).map(([k]) => k)).toContain('menu.overview');
  });

  it('the shell (menu, header, home, error pages, shared components) uses only keys of the main file', () => {
    const eager = closure([join(src, 'main.tsx')]);
    expect(eager).toContain(join(src, 'layout/AppLayout.tsx'));
    expect(eager).toContain(join(src, 'pages/Home.tsx'));
    expect(missing(eager, [zhCN as Tree])).toEqual([]);
  });

  it.each([...routes.keys()].map((file) => [relative(src, file)]))('%s and what it imports use keys of the main file and its bundles', (file) => {
    const bundles = routes.get(join(src, file))!;
    bundles.forEach((name) => expect(bundleNames, name).toContain(name));
    expect(missing(closure([join(src, file)]), [zhCN as Tree, ...bundles.map((name) => bundle(name, 'zh-CN'))])).toEqual([]);
  });
});
