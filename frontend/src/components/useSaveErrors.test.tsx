import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { App as AntApp, Form, Input, type FormInstance } from 'antd';
// the save errors' messages come with every screen (the shared bundle)
import { withMessages } from '../i18n';
import { ApiError } from '../api/http';
import { useSaveErrors } from './useSaveErrors';

await withMessages([], Promise.resolve());

let form: FormInstance;
let handle: ReturnType<typeof useSaveErrors>;

function CustomerForm() {
  [form] = Form.useForm();
  handle = useSaveErrors();
  return (
    <Form form={form} initialValues={{ contacts: [{ phone: '123' }] }}>
      <Form.Item name="creditCode" label="统一社会信用代码"><Input /></Form.Item>
      <Form.Item name={['contacts', 0, 'phone']} label="电话"><Input /></Form.Item>
    </Form>
  );
}

describe('a 400 problem+json on save', () => {
  it('puts each message beside its field and returns the rest', async () => {
    render(<AntApp><CustomerForm /></AntApp>);
    const error = new ApiError(400, {
      status: 400,
      code: 'validation',
      errors: [
        { field: 'creditCode', message: '校验码不正确（前 17 位对应的校验码为 3）' },
        { field: 'contacts[0].phone', message: '电话号码格式不正确' },
        { field: 'remarks', message: '太长' },
      ],
    });
    let others: string[] = [];
    act(() => {
      others = handle(error, form);
    });
    expect(await screen.findByText('校验码不正确（前 17 位对应的校验码为 3）')).toBeInTheDocument();
    expect(screen.getByText('电话号码格式不正确')).toBeInTheDocument();
    expect(form.getFieldError('creditCode')).toEqual(['校验码不正确（前 17 位对应的校验码为 3）']);
    expect(form.getFieldError(['contacts', 0, 'phone'])).toEqual(['电话号码格式不正确']);
    expect(others).toEqual(['太长']);
  });

  it('puts the reason of a file too large (413) beside its field, and tells how long to wait after a 429', async () => {
    render(<AntApp><CustomerForm /></AntApp>);
    let others: string[] = [];
    act(() => {
      others = handle(new ApiError(413, { status: 413, code: 'file-too-large', errors: [{ field: 'creditCode', message: '文件超过 10 MB' }] }), form);
    });
    expect(await screen.findByText('文件超过 10 MB')).toBeInTheDocument();
    expect(others).toEqual([]);
    act(() => {
      others = handle(new ApiError(429, { status: 429, code: 'rate-limited' }, undefined, 7), form);
    });
    expect(others).toEqual(['请求过于频繁，请 7 秒后再试']);
  });

  it('offers to reload a record someone else changed (409 stale)', async () => {
    render(<AntApp><CustomerForm /></AntApp>);
    act(() => {
      handle(new ApiError(409, { status: 409, code: 'stale' }), form, { changed: () => ['企业名称'] });
    });
    expect((await screen.findAllByText('记录已被他人修改'))[0]).toBeInTheDocument();
    expect(screen.getAllByText('已变化的内容：企业名称')[0]).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: '重新加载' })[0]).toBeInTheDocument();
  });
});
