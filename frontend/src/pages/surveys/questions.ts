import { fieldErrors, type FormFieldError, type Problem } from '../../api/problem';
import type { Answers, LocalText, QuestionType, SurveyForm, TemplateView } from '../../api/surveys';

/**
 * The questionnaire as the question form (SurveyQuestions) shows it, whether it comes from the public link (texts in
 * the page's language already) or from a template version (market's phone/fax entry: zh and en texts).
 */
export interface Question {
  code: string;
  type: QuestionType;
  /** LIKERT items belong to a dimension; the other questions to none. */
  dimension: string | null;
  required: boolean;
  text: string;
  options: { code: string; text: string }[];
}

export interface Dimension {
  code: string;
  title: string;
}

export interface Questionnaire {
  title: string;
  formNumber: string;
  dimensions: Dimension[];
  questions: Question[];
}

/** Questions in a row that share a dimension (or have none), under its title. */
export interface QuestionGroup {
  key: string;
  dimension?: Dimension;
  questions: Question[];
}

/** The 1–5 scale, 1 very dissatisfied … 5 very satisfied. */
export const LIKERT_SCORES = [1, 2, 3, 4, 5] as const;
/** The longest text answer the service takes. */
export const MAX_TEXT = 2000;

/** The form's field of a question: answers.<code>, as the service names it in a 400. */
export function answerName(code: string): ['answers', string] {
  return ['answers', code];
}

/** What the public link answers, as the form shows it. */
export function fromPublicForm(form: SurveyForm): Questionnaire {
  return {
    title: form.title ?? '',
    formNumber: form.formNumber ?? '',
    dimensions: (form.dimensions ?? []).map((d) => ({ code: d.code ?? '', title: d.title ?? d.code ?? '' })),
    questions: (form.questions ?? []).map((q) => ({
      code: q.code ?? '',
      type: q.type ?? 'TEXT',
      dimension: q.dimension ?? null,
      required: q.required === true,
      text: q.text ?? q.code ?? '',
      options: (q.options ?? []).map((o) => ({ code: o.code ?? '', text: o.text ?? o.code ?? '' })),
    })),
  };
}

/** A zh/en text in the language: English when there is one, Chinese otherwise. */
export function localText(text: LocalText | null | undefined, language: string): string {
  if (!text) {
    return '';
  }
  return language === 'en' && text.en ? text.en : text.zh;
}

/** A template version (the campaign's pinned one) in the language. */
export function fromTemplate(view: TemplateView, language: string): Questionnaire {
  return {
    title: localText(view.title, language),
    formNumber: view.formNumber ?? '',
    dimensions: (view.dimensions ?? []).map((d) => ({ code: d.code, title: localText(d.title, language) || d.code })),
    questions: (view.questions ?? []).map((q) => ({
      code: q.code,
      type: q.type,
      dimension: q.dimension ?? null,
      required: q.required === true,
      text: localText(q.text, language) || q.code,
      options: (q.options ?? []).map((o) => ({ code: o.code, text: localText(o.text, language) || o.code })),
    })),
  };
}

/**
 * The questions in the questionnaire's order, grouped by dimension: a new group starts wherever the dimension
 * changes, so the order the client reads is the template's. Questions without a dimension form groups of their own.
 */
export function groupQuestions(questionnaire: Pick<Questionnaire, 'dimensions' | 'questions'>): QuestionGroup[] {
  const groups: QuestionGroup[] = [];
  for (const question of questionnaire.questions) {
    const last = groups[groups.length - 1];
    if (last && (last.dimension?.code ?? null) === question.dimension) {
      last.questions.push(question);
      continue;
    }
    const known = questionnaire.dimensions.find((d) => d.code === question.dimension);
    const dimension = question.dimension === null ? undefined : known ?? { code: question.dimension, title: question.dimension };
    groups.push({ key: `${groups.length}-${question.dimension ?? 'other'}`, dimension, questions: [question] });
  }
  return groups;
}

/** The form's values: answers.<code> → what the control holds (nothing while unanswered). */
export type FormAnswers = Record<string, unknown>;

/**
 * The answers the service takes, from the form's values: LIKERT as the integer, a single choice as its option code,
 * a multiple choice as the list of codes in the questionnaire's order, a text trimmed; what is unanswered (nothing, a
 * blank text, no box ticked) and what the questionnaire does not ask is left out.
 */
export function answersBody(questions: readonly Question[], values: FormAnswers | undefined): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const value = values?.[q.code];
    switch (q.type) {
      case 'LIKERT': {
        const score = typeof value === 'string' ? Number(value) : value;
        if (typeof score === 'number' && Number.isInteger(score)) {
          answers[q.code] = score;
        }
        break;
      }
      case 'SINGLE_CHOICE':
        if (typeof value === 'string' && value !== '') {
          answers[q.code] = value;
        }
        break;
      case 'MULTIPLE_CHOICE':
        if (Array.isArray(value) && value.length) {
          const chosen = new Set(value.map(String));
          answers[q.code] = q.options.map((o) => o.code).filter((code) => chosen.has(code));
        }
        break;
      case 'TEXT':
        if (typeof value === 'string' && value.trim() !== '') {
          answers[q.code] = value.trim();
        }
        break;
    }
  }
  return answers;
}

/** The questions a required answer is missing for, in order (what the form checks before sending). */
export function missingRequired(questions: readonly Question[], values: FormAnswers | undefined): string[] {
  const answered = answersBody(questions, values);
  return questions.filter((q) => q.required && answered[q.code] === undefined).map((q) => q.code);
}

/**
 * A 400's messages by question: answers.Q03 → the field answers/Q03, beside that question; one naming no question of
 * the form (answers.Q99, or a field elsewhere) is returned apart, to show above the form.
 */
export function answerErrors(problem: Problem | undefined, questions: readonly Question[]): { fields: FormFieldError[]; others: string[] } {
  const codes = new Set(questions.map((q) => q.code));
  return fieldErrors(problem, (name) => name.length === 2 && name[0] === 'answers' && codes.has(String(name[1])));
}
