import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Result, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import { surveysApi } from '../../api/surveys';
import { ErrorState } from '../../components/ErrorPages';
import { formatDateTime } from '../documents/format';
import { SurveyQuestions } from '../surveys/SurveyQuestions';
import { answerErrors, answersBody, fromPublicForm, type FormAnswers } from '../surveys/questions';
import { PublicPage } from './PublicPage';

/** How a visit to a link ends, each said as a result, never as an error page. */
export type Outcome = 'thanks' | 'used' | 'expired' | 'unknown';

/** The link's state from the service's answer: 404 unknown, 409 answered already, 410 expired. */
export function outcomeOf(error: unknown): Outcome | undefined {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 404:
        return 'unknown';
      case 409:
        return 'used';
      case 410:
        return 'expired';
      default:
        return undefined;
    }
  }
  return undefined;
}

/** A failed send that is none of those, as the client reads it. */
function sendError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter !== undefined ? t('errors.rateLimited', { seconds: error.retryAfter }) : t('errors.rateLimitedSoon');
    }
    if (error.isNetwork) {
      return t('surveys.public.offline');
    }
  }
  return t('surveys.public.sendFailed', { reason: error instanceof Error ? error.message : String(error) });
}

const RESULT_STATUS: Record<Outcome, 'success' | 'info' | 'warning'> = { thanks: 'success', used: 'info', expired: 'warning', unknown: 'warning' };

function OutcomeResult({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <Card data-testid={`survey-${outcome}`}>
      <Result status={RESULT_STATUS[outcome]} title={t(`surveys.public.${outcome}.title`)} subTitle={t(`surveys.public.${outcome}.subtitle`)} />
    </Card>
  );
}

/**
 * The satisfaction survey behind the e-mailed one-time link (/survey/{token}; no login, phone-sized): the client's
 * name and the questions grouped by dimension in the page's language, required ones checked before sending and the
 * service's reasons shown at their question; a thank-you once answered (the index stays ours). An unknown, used or
 * expired link says so plainly.
 */
export default function PublicSurvey() {
  const token = useParams().token ?? '';
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ answers?: FormAnswers }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const survey = useQuery({
    // the questions come in the Accept-Language, which follows the page's language: a switch asks again, the answers stay
    queryKey: ['public', 'survey', token, i18n.language],
    queryFn: () => surveysApi.publicSurvey(token),
    placeholderData: keepPreviousData,
    enabled: token !== '' && !outcome,
    retry: (count, error) => count < 2 && error instanceof ApiError && (error.isNetwork || error.status >= 500),
  });
  const questionnaire = useMemo(() => (survey.data ? fromPublicForm(survey.data) : undefined), [survey.data]);
  const closed = outcome ?? (token === '' ? 'unknown' : survey.isError ? outcomeOf(survey.error) : undefined);

  // the result replaces a long form: back to the top, where it is
  useEffect(() => {
    if (outcome) {
      document.documentElement.scrollIntoView?.({ block: 'start' });
    }
  }, [outcome]);

  const send = async (values: { answers?: FormAnswers }) => {
    if (!questionnaire) {
      return;
    }
    setSending(true);
    setErrors([]);
    try {
      await surveysApi.answerPublic(token, answersBody(questionnaire.questions, values.answers));
      setOutcome('thanks');
    } catch (e) {
      const ended = outcomeOf(e);
      if (ended) {
        setOutcome(ended);
      } else if (e instanceof ApiError && e.status === 400) {
        const { fields, others } = answerErrors(e.problem, questionnaire.questions);
        form.setFields(fields);
        if (fields.length) {
          form.scrollToField(fields[0].name);
        }
        setErrors(others.length ? others : fields.length ? [] : [e.message]);
      } else {
        setErrors([sendError(e, t)]);
      }
    } finally {
      setSending(false);
    }
  };

  let body;
  if (closed) {
    body = <OutcomeResult outcome={closed} />;
  } else if (survey.isError && !survey.data) {
    body = <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  } else if (!questionnaire || !survey.data) {
    body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  } else {
    body = (
      <Card>
        <Typography.Paragraph strong style={{ fontSize: 16 }} data-testid="survey-customer">
          {t('surveys.public.greeting', { name: survey.data.customerName ?? '' })}
        </Typography.Paragraph>
        <Typography.Paragraph>{t('surveys.public.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('surveys.public.scale')}
          {survey.data.expiresAt ? <> {t('surveys.public.validUntil', { date: formatDateTime(survey.data.expiresAt) })}</> : null}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark onFinish={(v) => void send(v)} scrollToFirstError
          onFinishFailed={({ errorFields }) => setErrors([t('surveys.public.missing', { count: errorFields.length })])}
          onValuesChange={() => errors.length && setErrors([])}
          data-testid="survey-form">
          <SurveyQuestions questionnaire={questionnaire} />
          {errors.length ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errors.join(' ')} data-testid="survey-errors" /> : null}
          <Button type="primary" htmlType="submit" size="large" block loading={sending} data-testid="survey-submit">
            {t('surveys.public.submit')}
          </Button>
        </Form>
      </Card>
    );
  }

  return (
    <PublicPage
      title={questionnaire?.title || t('surveys.public.title')}
      subtitle={questionnaire?.formNumber ? t('surveys.public.formNumber', { number: questionnaire.formNumber }) : undefined}
      testId="survey-title"
      width={760}
      links={false}
    >
      {body}
    </PublicPage>
  );
}
