import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useFormSubmit } from '../../components/useFormSubmit';

/**
 * The submit of a step dialog on a feedback item (triage, decide, resolve, close, serious mark, outcome notice): the
 * service's 409s that the dialog knows get a sentence from `${messages}.${code}`, the form is emptied each time the
 * dialog opens for an action, and a stale save reloads the item.
 */
export function useStepForm<V, R>(form: FormInstance<V>, options: {
  action: unknown;
  call: (values: V) => Promise<R>;
  problems: readonly string[];
  messages: string;
  onDone: (result: R) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { action, call, problems, messages, onDone, onReload } = options;
  const submit = useFormSubmit(form, {
    write: async (v: V) => {
      try {
        return await call(v);
      } catch (e) {
        if (e instanceof ApiError && problems.includes(e.code ?? '')) {
          throw new ApiError(e.status, e.problem, t(`${messages}.${e.code}`));
        }
        throw e;
      }
    },
    onSaved: onDone,
    onReload,
  });
  const { clearErrors } = submit;
  useEffect(() => {
    if (action) {
      clearErrors();
      form.resetFields();
    }
  }, [action, form, clearErrors]);
  return submit;
}
