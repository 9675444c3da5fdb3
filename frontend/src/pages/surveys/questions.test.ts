import { describe, expect, it } from 'vitest';
import type { SurveyForm, TemplateView } from '../../api/surveys';
import { answerErrors, answersBody, fromPublicForm, fromTemplate, groupQuestions, missingRequired, type Question } from './questions';

// 16-03 in short: two dimensions, ratings, then the choices and the text without a dimension
const FORM: SurveyForm = {
  formNumber: 'GBCX-16-03', title: '认证客户满意度调查表', customerName: '无锡甲机械有限公司', expiresAt: '2027-01-02T04:00:00Z',
  dimensions: [{ code: 'ATTITUDE', title: '服务态度' }, { code: 'FEES', title: '收费与合同' }],
  questions: [
    { code: 'Q01', type: 'LIKERT', dimension: 'ATTITUDE', required: true, text: '市场部人员的服务态度', options: null },
    { code: 'Q02', type: 'LIKERT', dimension: 'ATTITUDE', required: true, text: '审核组成员的工作作风和礼貌' },
    { code: 'Q12', type: 'LIKERT', dimension: 'FEES', required: true, text: '收费的合理性和透明度' },
    { code: 'Q16', type: 'SINGLE_CHOICE', dimension: null, required: true, text: '您是否愿意推荐本机构？',
      options: [{ code: 'YES', text: '愿意' }, { code: 'MAYBE', text: '视情况而定' }, { code: 'NO', text: '不愿意' }] },
    { code: 'Q17', type: 'MULTIPLE_CHOICE', required: false, text: '增值服务（可多选）',
      options: [{ code: 'TRAINING', text: '标准培训' }, { code: 'REGULATIONS', text: '法规信息推送' }, { code: 'OTHER', text: '其他' }] },
    { code: 'Q18', type: 'TEXT', required: false, text: '意见和建议' },
  ],
};
const questions: Question[] = fromPublicForm(FORM).questions;

describe('the questionnaire as the form shows it', () => {
  it('reads the public page\'s form: texts as sent, no dimension for the choices, options in order', () => {
    const q = fromPublicForm(FORM);
    expect(q.title).toBe('认证客户满意度调查表');
    expect(q.formNumber).toBe('GBCX-16-03');
    expect(q.questions.map((x) => [x.code, x.type, x.dimension, x.required])).toEqual([
      ['Q01', 'LIKERT', 'ATTITUDE', true], ['Q02', 'LIKERT', 'ATTITUDE', true], ['Q12', 'LIKERT', 'FEES', true],
      ['Q16', 'SINGLE_CHOICE', null, true], ['Q17', 'MULTIPLE_CHOICE', null, false], ['Q18', 'TEXT', null, false],
    ]);
    expect(q.questions[0].options).toEqual([]);
    expect(q.questions[3].options.map((o) => o.code)).toEqual(['YES', 'MAYBE', 'NO']);
  });

  it('reads a template version in the language, English falling back to Chinese', () => {
    const view: TemplateView = {
      code: '16-03', version: 2, formNumber: 'GBCX-16-03', title: { zh: '认证客户满意度调查表', en: 'Certified client satisfaction survey' },
      dimensions: [{ code: 'ATTITUDE', title: { zh: '服务态度', en: 'Service attitude' } }],
      questions: [
        { code: 'Q01', type: 'LIKERT', dimension: 'ATTITUDE', weight: 1.5, required: true, text: { zh: '市场部人员的服务态度', en: 'The market staff\'s attitude' } },
        { code: 'Q16', type: 'SINGLE_CHOICE', required: null, text: { zh: '是否推荐？' },
          options: [{ code: 'YES', text: { zh: '愿意', en: 'Yes' } }, { code: 'NO', text: { zh: '不愿意', en: '' } }] },
      ],
    };
    const en = fromTemplate(view, 'en');
    expect(en.title).toBe('Certified client satisfaction survey');
    expect(en.dimensions).toEqual([{ code: 'ATTITUDE', title: 'Service attitude' }]);
    expect(en.questions.map((q) => q.text)).toEqual(['The market staff\'s attitude', '是否推荐？']);
    expect(en.questions[1].required).toBe(false);
    expect(en.questions[1].options).toEqual([{ code: 'YES', text: 'Yes' }, { code: 'NO', text: '不愿意' }]);
    expect(fromTemplate(view, 'zh-CN').questions[0].text).toBe('市场部人员的服务态度');
  });

  it('groups the questions by dimension in the questionnaire\'s order, the undimensioned ones together', () => {
    const groups = groupQuestions(fromPublicForm(FORM));
    expect(groups.map((g) => [g.dimension?.title ?? null, g.questions.map((q) => q.code)])).toEqual([
      ['服务态度', ['Q01', 'Q02']], ['收费与合同', ['Q12']], [null, ['Q16', 'Q17', 'Q18']],
    ]);
    // a dimension coming back after another starts a group of its own: the order the client reads stays the template's
    const back = groupQuestions({ dimensions: [], questions: [questions[0], questions[2], questions[1]] });
    expect(back.map((g) => [g.dimension?.code, g.questions.length])).toEqual([['ATTITUDE', 1], ['FEES', 1], ['ATTITUDE', 1]]);
    expect(back[1].dimension).toEqual({ code: 'FEES', title: 'FEES' }); // unknown to the list: named by its code
    expect(new Set(back.map((g) => g.key)).size).toBe(3);
  });
});

describe('the answers body', () => {
  it('sends each answer as the service reads it: ratings as integers, choices as codes, text trimmed', () => {
    expect(answersBody(questions, {
      Q01: 5, Q02: '4', Q12: 1, Q16: 'YES', Q17: ['OTHER', 'TRAINING'], Q18: '  审核员很专业。\n希望多一些培训。  ',
    })).toEqual({ Q01: 5, Q02: 4, Q12: 1, Q16: 'YES', Q17: ['TRAINING', 'OTHER'], Q18: '审核员很专业。\n希望多一些培训。' });
  });

  it('leaves out what is unanswered and what the questionnaire does not ask', () => {
    expect(answersBody(questions, { Q01: 3, Q02: undefined, Q12: null, Q16: '', Q17: [], Q18: '   ', Q99: 5 })).toEqual({ Q01: 3 });
    expect(answersBody(questions, undefined)).toEqual({});
  });

  it('names the required questions still unanswered, in order', () => {
    expect(missingRequired(questions, { Q02: 4, Q18: 'x' })).toEqual(['Q01', 'Q12', 'Q16']);
    expect(missingRequired(questions, { Q01: 1, Q02: 2, Q12: 3, Q16: 'NO' })).toEqual([]);
  });
});

describe('the service\'s 400 by question', () => {
  it('puts each answers.<code> beside its question and the rest apart', () => {
    const { fields, others } = answerErrors({
      status: 400,
      errors: [
        { field: 'answers.Q03', message: '必须是 1 到 5 的整数' },
        { field: 'answers.Q01', message: '必须是 1 到 5 的整数' },
        { field: 'answers.Q01', message: '必填' },
        { field: 'answers.Q99', message: '调查表中没有问题“Q99”' },
        { field: 'answers', message: '必填' },
      ],
    }, [...questions, { code: 'Q03', type: 'LIKERT', dimension: 'ATTITUDE', required: true, text: '', options: [] }]);
    expect(fields).toEqual([
      { name: ['answers', 'Q03'], errors: ['必须是 1 到 5 的整数'] },
      { name: ['answers', 'Q01'], errors: ['必须是 1 到 5 的整数', '必填'] },
    ]);
    expect(others).toEqual(['调查表中没有问题“Q99”', '必填']);
  });
});
