import { useCallback, useState } from 'react';
import { Alert, type FormInstance } from 'antd';
import { ApiError } from '../api/http';
import { useSaveErrors } from './useSaveErrors';

/**
 * How every form of the app saves: validate, write, and on failure put the server's reasons beside the
 * fields (the rest above the form), or offer to reload a record someone else changed meanwhile.
 */
export function useFormSubmit<V, R>(form: FormInstance<V>, options: {
  write: (values: V) => Promise<R>;
  onSaved: (result: R) => void;
  /** Reloads the record after a stale save (409). */
  onReload?: () => void;
  /** Names the fields someone else changed, for the stale-save dialog. */
  changed?: () => Promise<string[]>;
}) {
  const saveErrors = useSaveErrors();
  const [saving, setSaving] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  /** Saves the given values (from onFinish), or validates the form first. */
  const submit = async (given?: V) => {
    let values: V;
    try {
      values = given ?? (await form.validateFields());
    } catch {
      return; // antd shows what is wrong beside each field
    }
    setSaving(true);
    setFormErrors([]);
    try {
      options.onSaved(await options.write(values));
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409 && e.code === 'stale';
      const changed = stale && options.changed ? await options.changed() : [];
      setFormErrors(saveErrors(e, form as FormInstance, { onReload: options.onReload, changed: () => changed }));
    } finally {
      setSaving(false);
    }
  };

  const clearErrors = useCallback(() => setFormErrors([]), []);
  return { submit, saving, formErrors, clearErrors };
}

/** The save errors that belong to no field, above the form. */
export function FormErrors({ errors }: { errors: string[] }) {
  return errors.length ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errors.join(' ')} /> : null;
}
