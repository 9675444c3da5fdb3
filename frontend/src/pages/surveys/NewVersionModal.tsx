import { useEffect, useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { surveysApi, type TemplateDefinition, type TemplateView } from '../../api/surveys';
import { definitionOf, describeField, parseDefinition } from './templates';

/**
 * A new questionnaire version (market): a copy of the version shown, as JSON, edited and saved as the next version;
 * the versions before stay as they are. What the service refuses is listed by field, with the question's code.
 */
export function NewVersionModal({ code, from, onClose, onCreated }: {
  code: string;
  /** The version copied; none: closed. */
  from?: TemplateView;
  onClose: () => void;
  onCreated: (created: TemplateView) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (from) {
      setText(JSON.stringify(definitionOf(from), null, 2));
      setProblems([]);
    }
  }, [from]);

  const save = async () => {
    const parsed = parseDefinition(text);
    if ('error' in parsed) {
      setProblems([parsed.error === 'json' ? t('surveys.templates.badJson', { reason: parsed.reason }) : t('surveys.templates.badShape')]);
      return;
    }
    const definition: TemplateDefinition = parsed.definition;
    setSaving(true);
    setProblems([]);
    try {
      onCreated(await surveysApi.createVersion(code, definition));
    } catch (e) {
      if (e instanceof ApiError && e.problem?.errors?.length) {
        setProblems(e.problem.errors.map((f) => `${describeField(f.field, definition)}: ${f.message}`));
      } else {
        setProblems([e instanceof ApiError && e.isNetwork ? t('errors.networkSave') : e instanceof Error ? e.message : String(e)]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!from}
      width={860}
      title={t('surveys.templates.newTitle', { code })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'template-version-save' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('surveys.templates.newHint', { version: from?.version })} />
      {problems.length ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="template-version-errors"
          message={t('surveys.templates.fieldErrors')}
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      ) : null}
      <Input.TextArea
        aria-label={t('surveys.templates.definition')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 16, maxRows: 28 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
        data-testid="template-version-json"
      />
    </Modal>
  );
}
