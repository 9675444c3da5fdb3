import type { TemplateDefinition, TemplateView } from '../../api/surveys';

/** A value without its nulls (the service writes null for an absent weight or option list), for editing as JSON. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/** What a version asks (title, dimensions, questions), the body of a new version: the copy market edits. */
export function definitionOf(view: TemplateView): TemplateDefinition {
  return withoutNulls({ title: view.title, dimensions: view.dimensions ?? [], questions: view.questions ?? [] }) as TemplateDefinition;
}

/** The edited text as a version's body, or why it is none (not JSON; not an object with title, dimensions and questions). */
export function parseDefinition(text: string): { definition: TemplateDefinition } | { error: 'json'; reason: string } | { error: 'shape' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: 'json', reason: e instanceof Error ? e.message : String(e) };
  }
  const body = value as Partial<TemplateDefinition> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.title !== 'object' || body.title === null
    || !Array.isArray(body.dimensions) || !Array.isArray(body.questions)) {
    return { error: 'shape' };
  }
  return { definition: body as TemplateDefinition };
}

/**
 * A field the service names in a 400, with the code of the question, dimension or option it points at, so the
 * editor finds it: questions[3].weight → questions[3] (Q04).weight.
 */
export function describeField(field: string, definition: TemplateDefinition | undefined): string {
  return field.replace(/(questions|dimensions)\[(\d+)\](\.options\[(\d+)\])?/, (_, list: string, index: string, options?: string, option?: string) => {
    const item = (list === 'questions' ? definition?.questions : definition?.dimensions)?.[Number(index)];
    let named = item?.code ? `${list}[${index}] (${item.code})` : `${list}[${index}]`;
    if (options) {
      const opt = list === 'questions' ? (item as TemplateDefinition['questions'][number] | undefined)?.options?.[Number(option)] : undefined;
      named += opt?.code ? `.options[${option}] (${opt.code})` : `.options[${option}]`;
    }
    return named;
  });
}

/** Each dimension's LIKERT items and the sum of their weights (what the index weighs them by). */
export function dimensionWeights(view: Pick<TemplateView, 'dimensions' | 'questions'>): Record<string, { questions: number; weight: number }> {
  const out: Record<string, { questions: number; weight: number }> = {};
  for (const d of view.dimensions ?? []) {
    out[d.code] = { questions: 0, weight: 0 };
  }
  for (const q of view.questions ?? []) {
    if (q.type === 'LIKERT' && q.dimension && out[q.dimension]) {
      out[q.dimension].questions += 1;
      out[q.dimension].weight = Math.round((out[q.dimension].weight + Number(q.weight ?? 0)) * 100) / 100;
    }
  }
  return out;
}
