import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { fieldErrors, type NamePath } from '../api/problem';

/**
 * What a form does with a failed save: a 400 (or a 413 naming its file) puts each message beside its field (the
 * rest above the form), a stale 409 offers to reload the record, a 429 says how long to wait, anything else is told
 * in a message.
 * Returns the messages that belong to no shown field.
 */
export function useSaveErrors() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();

  return (
    error: unknown,
    form: FormInstance,
    options: { onReload?: () => void; changed?: () => string[] } = {},
  ): string[] => {
    if (!(error instanceof ApiError)) {
      void message.error(String(error));
      return [];
    }
    if (error.status === 429) {
      return [error.retryAfter !== undefined ? t('errors.rateLimited', { seconds: error.retryAfter }) : t('errors.rateLimitedSoon')];
    }
    // 400: invalid fields; 413: a file too large, the problem naming its field
    if ((error.status === 400 || error.status === 413) && error.problem?.errors?.length) {
      const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
      const shown = (name: NamePath) => registered.has(JSON.stringify(name));
      const { fields, others } = fieldErrors(error.problem, shown);
      form.setFields(fields);
      if (fields.length) {
        form.scrollToField(fields[0].name);
      }
      return others;
    }
    if (error.status === 409 && error.code === 'stale') {
      const changed = options.changed?.() ?? [];
      modal.confirm({
        title: t('errors.stale.title'),
        content: (
          <>
            <p>{t('errors.stale.content')}</p>
            {changed.length ? <p>{t('errors.stale.changed', { fields: changed.join('、') })}</p> : null}
          </>
        ),
        okText: t('errors.stale.reload'),
        cancelText: t('common.cancel'),
        onOk: options.onReload,
      });
      return [];
    }
    if (error.isNetwork) {
      void message.error(t('errors.networkSave'));
      return [];
    }
    return [error.message];
  };
}
