import { Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answerName, groupQuestions, LIKERT_SCORES, MAX_TEXT, type Question, type Questionnaire } from './questions';
import './surveys.css';

/**
 * The questionnaire's questions as form fields (answers.<code>), grouped by dimension in the template's order: the
 * 1–5 scale as a row of five labelled choices (narrow enough for a phone), single and multiple choices, free text.
 * Required questions are checked before sending. The public page and market's phone/fax entry both use it, inside
 * their own antd Form.
 */
export function SurveyQuestions({ questionnaire }: { questionnaire: Pick<Questionnaire, 'dimensions' | 'questions'> }) {
  const { t } = useTranslation();
  let number = 0;
  return (
    <div className="survey-questions">
      {groupQuestions(questionnaire).map((group) => (
        <section key={group.key} className="survey-group" data-testid={`survey-group-${group.dimension?.code ?? 'other'}`}>
          <Typography.Title level={5} className="survey-group-title">
            {group.dimension ? group.dimension.title : t('surveys.form.otherQuestions')}
          </Typography.Title>
          {group.questions.map((question) => {
            number += 1;
            return <QuestionField key={question.code} question={question} number={number} />;
          })}
        </section>
      ))}
    </div>
  );
}

function QuestionField({ question: q, number }: { question: Question; number: number }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('surveys.form.required') };
  const label = (
    <span>
      {number}. {q.text}
      {q.required ? null : <Typography.Text type="secondary"> {t('surveys.form.optional')}</Typography.Text>}
    </span>
  );
  return (
    <div className="survey-question" data-testid={`survey-question-${q.code}`}>
      {q.type === 'LIKERT' ? (
        <Form.Item name={answerName(q.code)} label={label} required={q.required} rules={q.required ? [required] : []}>
          <Radio.Group className="survey-likert">
            {LIKERT_SCORES.map((score) => (
              <Radio key={score} value={score}>
                <span className="survey-likert-score" data-testid={`survey-${q.code}-${score}`}>{score}</span>
                <span className="survey-likert-label">{t(`surveys.likert.${score}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      ) : q.type === 'SINGLE_CHOICE' ? (
        <Form.Item name={answerName(q.code)} label={label} required={q.required} rules={q.required ? [required] : []}>
          <Radio.Group>
            <Space direction="vertical">
              {q.options.map((o) => (
                <Radio key={o.code} value={o.code}><span data-testid={`survey-${q.code}-${o.code}`}>{o.text}</span></Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      ) : q.type === 'MULTIPLE_CHOICE' ? (
        <Form.Item name={answerName(q.code)} label={label} required={q.required}
          rules={q.required ? [{ ...required, type: 'array', min: 1 }] : []}>
          <Checkbox.Group>
            <Space direction="vertical">
              {q.options.map((o) => (
                <Checkbox key={o.code} value={o.code}><span data-testid={`survey-${q.code}-${o.code}`}>{o.text}</span></Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
      ) : (
        <Form.Item name={answerName(q.code)} label={label} required={q.required}
          rules={q.required ? [{ ...required, whitespace: true }] : []}>
          <Input.TextArea rows={4} maxLength={MAX_TEXT} showCount placeholder={t('surveys.form.textPlaceholder')}
            data-testid={`survey-${q.code}-text`} />
        </Form.Item>
      )}
    </div>
  );
}
