import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../api/surveys';
import { definitionOf, describeField, dimensionWeights, parseDefinition } from './templates';

const VIEW: TemplateView = {
  code: '16-03', version: 1, formNumber: 'GBCX-16-03', title: { zh: '认证客户满意度调查表', en: 'Certified client satisfaction survey' },
  usedAt: '2026-10-01T00:00:00Z', createdAt: '2026-09-01T00:00:00Z', createdBy: 'system',
  dimensions: [{ code: 'ATTITUDE', title: { zh: '服务态度', en: 'Service attitude' } }, { code: 'PROFESSIONALISM', title: { zh: '审核专业性', en: null } }],
  questions: [
    { code: 'Q01', type: 'LIKERT', dimension: 'ATTITUDE', weight: 1, required: true, text: { zh: '服务态度', en: 'Attitude' }, options: null },
    { code: 'Q04', type: 'LIKERT', dimension: 'PROFESSIONALISM', weight: 1.5, required: true, text: { zh: '专业能力', en: 'Competence' } },
    { code: 'Q05', type: 'LIKERT', dimension: 'PROFESSIONALISM', weight: 1.55, required: true, text: { zh: '审核发现', en: 'Findings' } },
    { code: 'Q16', type: 'SINGLE_CHOICE', dimension: null, weight: null, required: true, text: { zh: '推荐？', en: 'Recommend?' },
      options: [{ code: 'YES', text: { zh: '愿意', en: 'Yes' } }, { code: 'NO', text: { zh: '不愿意', en: 'No' } }] },
  ],
};

describe('a new questionnaire version from a copy', () => {
  it('copies what the version asks, without the nulls the service writes', () => {
    const copy = definitionOf(VIEW);
    expect(Object.keys(copy)).toEqual(['title', 'dimensions', 'questions']);
    expect(copy.dimensions[1]).toEqual({ code: 'PROFESSIONALISM', title: { zh: '审核专业性' } });
    expect(copy.questions[0]).toEqual({ code: 'Q01', type: 'LIKERT', dimension: 'ATTITUDE', weight: 1, required: true, text: { zh: '服务态度', en: 'Attitude' } });
    expect(copy.questions[3]).not.toHaveProperty('weight');
    expect(parseDefinition(JSON.stringify(copy, null, 2))).toEqual({ definition: copy });
  });

  it('says when the edited text is not JSON, or not a questionnaire', () => {
    expect(parseDefinition('{ "title": ')).toMatchObject({ error: 'json' });
    expect(parseDefinition('[]')).toEqual({ error: 'shape' });
    expect(parseDefinition('{"title": {"zh": "x"}, "dimensions": []}')).toEqual({ error: 'shape' });
    expect(parseDefinition('null')).toEqual({ error: 'shape' });
  });

  it('names the question, dimension or option a refused field points at', () => {
    const copy = definitionOf(VIEW);
    expect(describeField('questions[1].weight', copy)).toBe('questions[1] (Q04).weight');
    expect(describeField('questions[3].options[1].code', copy)).toBe('questions[3] (Q16).options[1] (NO).code');
    expect(describeField('dimensions[0].title.zh', copy)).toBe('dimensions[0] (ATTITUDE).title.zh');
    expect(describeField('questions[9].text', copy)).toBe('questions[9].text');
    expect(describeField('title.zh', copy)).toBe('title.zh');
  });
});

it('sums each dimension\'s ratings and weights', () => {
  expect(dimensionWeights(VIEW)).toEqual({ ATTITUDE: { questions: 1, weight: 1 }, PROFESSIONALISM: { questions: 2, weight: 3.05 } });
});
