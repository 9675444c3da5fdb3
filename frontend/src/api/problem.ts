/** RFC 9457 problem details as every CertCare service answers them (application/problem+json). */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** An antd form path: "contacts[0].phone" → ["contacts", 0, "phone"]. */
export type NamePath = (string | number)[];

export function toNamePath(field: string): NamePath {
  const path: NamePath = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) {
      path.push(Number(index[1]));
    }
  }
  return path;
}

export interface FormFieldError {
  name: NamePath;
  errors: string[];
}

/**
 * The problem's field errors in the shape of antd's form.setFields, one entry per field with all its
 * messages. A field the form does not show goes to its nearest shown parent ("schemes[1]" → the schemes
 * select, "attachments.PERMIT.name" → the permit files); one with none is returned apart, to show above it.
 */
export function fieldErrors(
  problem: Problem | undefined,
  isShown: (name: NamePath) => boolean = () => true,
): { fields: FormFieldError[]; others: string[] } {
  const byField = new Map<string, FormFieldError>();
  const others: string[] = [];
  for (const error of problem?.errors ?? []) {
    const path = toNamePath(error.field);
    let name: NamePath | undefined;
    for (let length = path.length; length > 0 && !name; length--) {
      name = isShown(path.slice(0, length)) ? path.slice(0, length) : undefined;
    }
    if (!name) {
      others.push(error.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], others };
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number';
}
