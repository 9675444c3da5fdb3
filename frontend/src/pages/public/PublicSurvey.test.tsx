import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
// the messages load with the screen, as App.tsx loads them
import { changeLanguage, withMessages } from '../../i18n';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));

const { default: PublicSurvey } = await withMessages('surveys', import('./PublicSurvey'));

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

function form(language: 'zh-CN' | 'en' = 'zh-CN') {
  const zh = language === 'zh-CN';
  return {
    formNumber: 'GBCX-16-03', title: zh ? '认证客户满意度调查表' : 'Certified client satisfaction survey',
    customerName: '无锡甲机械有限公司', expiresAt: '2027-01-02T04:00:00Z',
    dimensions: [{ code: 'ATTITUDE', title: zh ? '服务态度' : 'Service attitude' }],
    questions: [
      { code: 'Q01', type: 'LIKERT', dimension: 'ATTITUDE', required: true, text: zh ? '市场部人员的服务态度' : 'The market staff\'s attitude', options: null },
      { code: 'Q03', type: 'LIKERT', dimension: 'ATTITUDE', required: true, text: zh ? '审核组遵守公正性和保密承诺' : 'Impartiality and confidentiality', options: null },
      { code: 'Q16', type: 'SINGLE_CHOICE', dimension: null, required: true, text: zh ? '您是否愿意向其他企业推荐本机构？' : 'Would you recommend us?',
        options: [{ code: 'YES', text: zh ? '愿意' : 'Yes' }, { code: 'NO', text: zh ? '不愿意' : 'No' }] },
      { code: 'Q17', type: 'MULTIPLE_CHOICE', dimension: null, required: false, text: zh ? '您希望本机构提供哪些增值服务？' : 'Which services?',
        options: [{ code: 'TRAINING', text: zh ? '标准培训' : 'Training' }, { code: 'REGULATIONS', text: zh ? '法规信息推送' : 'Regulations' }] },
      { code: 'Q18', type: 'TEXT', dimension: null, required: false, text: zh ? '您对我们的工作有何意见和建议？' : 'Your comments', options: null },
    ],
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

interface Call { method: string; url: string; headers: Record<string, string>; body?: unknown }

/** fetch answering GET with `get` and POST with `post`, keeping every call. */
function mockFetch(get: (call: Call) => Response, post: (call: Call) => Response = () => json({}, 500)): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const call: Call = {
      method: init?.method ?? 'GET', url: String(url), headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    return call.method === 'POST' ? post(call) : get(call);
  }) as typeof fetch;
  return calls;
}

function renderPage(token = TOKEN) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[`/survey/${token}`]}>
        <Routes><Route path="/survey/:token" element={<PublicSurvey />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const question = (code: string) => screen.getByTestId(`survey-question-${code}`);

describe('the public survey page', () => {
  const original = globalThis.fetch;
  afterEach(async () => {
    globalThis.fetch = original;
    await act(() => changeLanguage('zh-CN', false));
  });

  it('greets the client, groups the questions, checks the required ones, sends the answers and thanks without the index', async () => {
    const calls = mockFetch(() => json(form()), () => json({ responseId: 9, dispatchId: 4, channel: 'ONLINE', answeredAt: '2026-12-03T05:00:00Z', score: 87.5 }, 201));
    renderPage();
    expect(await screen.findByTestId('survey-customer')).toHaveTextContent('无锡甲机械有限公司');
    expect(screen.getByTestId('survey-title')).toHaveTextContent('认证客户满意度调查表');
    expect(within(screen.getByTestId('survey-group-ATTITUDE')).getByText('服务态度')).toBeInTheDocument();
    expect(within(screen.getByTestId('survey-group-other')).getByText('其他问题')).toBeInTheDocument();
    // the scale's words under each choice
    for (const label of ['非常不满意', '不满意', '一般', '满意', '非常满意']) {
      expect(within(question('Q01')).getByText(label)).toBeInTheDocument();
    }
    expect(calls[0].url).toBe(`/api/public/surveys/${TOKEN}`);
    expect(calls[0].headers['Accept-Language']).toBe('zh-CN');
    expect(calls[0].headers.Authorization).toBeUndefined();

    // nothing answered: the required questions say so, nothing is sent
    await userEvent.click(screen.getByTestId('survey-submit'));
    expect(await within(question('Q01')).findByText('请回答此问题')).toBeInTheDocument();
    expect(within(question('Q16')).getByText('请回答此问题')).toBeInTheDocument();
    expect(within(question('Q18')).queryByText('请回答此问题')).not.toBeInTheDocument();
    expect(screen.getByTestId('survey-errors')).toHaveTextContent('还有 3 个必答问题未回答');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await userEvent.click(screen.getByTestId('survey-Q01-5'));
    await userEvent.click(screen.getByTestId('survey-Q03-2'));
    await userEvent.click(screen.getByTestId('survey-Q16-YES'));
    await userEvent.click(screen.getByTestId('survey-Q17-REGULATIONS'));
    await userEvent.type(screen.getByTestId('survey-Q18-text'), '  审核员很专业  ');
    await userEvent.click(screen.getByTestId('survey-submit'));

    expect(await screen.findByTestId('survey-thanks')).toHaveTextContent('感谢您的反馈');
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.url).toBe(`/api/public/surveys/${TOKEN}`);
    expect(sent.body).toEqual({ answers: { Q01: 5, Q03: 2, Q16: 'YES', Q17: ['REGULATIONS'], Q18: '审核员很专业' } });
    expect(screen.queryByText(/87/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('survey-form')).not.toBeInTheDocument();
  });

  it('shows the service\'s reason at the question it names (answers.Q03), the rest above the button', async () => {
    mockFetch(() => json(form()), () => json({
      status: 400, code: 'invalid', errors: [
        { field: 'answers.Q03', message: '必须是 1 到 5 的整数' },
        { field: 'answers.Q99', message: '调查表中没有问题“Q99”' },
      ],
    }, 400));
    renderPage();
    await screen.findByTestId('survey-form');
    await userEvent.click(screen.getByTestId('survey-Q01-4'));
    await userEvent.click(screen.getByTestId('survey-Q03-4'));
    await userEvent.click(screen.getByTestId('survey-Q16-NO'));
    await userEvent.click(screen.getByTestId('survey-submit'));
    expect(await within(question('Q03')).findByText('必须是 1 到 5 的整数')).toBeInTheDocument();
    expect(within(question('Q01')).queryByText('必须是 1 到 5 的整数')).not.toBeInTheDocument();
    expect(screen.getByTestId('survey-errors')).toHaveTextContent('调查表中没有问题“Q99”');
    expect(screen.getByTestId('survey-form')).toBeInTheDocument();
  });

  it.each([
    [404, 'survey-unknown', '链接无效'],
    [409, 'survey-used', '此调查已经填写'],
    [410, 'survey-expired', '请联系认证机构市场部'],
  ])('answers a link the service refuses with %i as a plain result, not an error page', async (status, testId, words) => {
    mockFetch(() => json({ status, code: 'x', detail: 'detail' }, status));
    renderPage();
    expect(await screen.findByTestId(testId)).toHaveTextContent(words);
    expect(screen.queryByTestId('survey-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(screen.queryByTestId('not-found')).not.toBeInTheDocument();
  });

  it('says "answered already" when a second answer is refused (409) after the page opened', async () => {
    mockFetch(() => json(form()), () => json({ status: 409, code: 'survey-already-answered' }, 409));
    renderPage();
    await screen.findByTestId('survey-form');
    await userEvent.click(screen.getByTestId('survey-Q01-3'));
    await userEvent.click(screen.getByTestId('survey-Q03-3'));
    await userEvent.click(screen.getByTestId('survey-Q16-YES'));
    await userEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByTestId('survey-used')).toBeInTheDocument();
  });

  it('asks again in English when the language switches, keeping what was answered', async () => {
    const calls = mockFetch((call) => json(form(call.headers['Accept-Language'] === 'en' ? 'en' : 'zh-CN')));
    renderPage();
    await screen.findByTestId('survey-form');
    await userEvent.click(screen.getByTestId('survey-Q01-4'));
    await act(() => changeLanguage('en', false));
    expect(await within(question('Q01')).findByText(/The market staff's attitude/)).toBeInTheDocument();
    expect(within(question('Q01')).getByText('Very satisfied')).toBeInTheDocument();
    expect(calls.map((c) => c.headers['Accept-Language'])).toEqual(['zh-CN', 'en']);
    expect(within(question('Q01')).getAllByRole('radio').map((r) => (r as HTMLInputElement).checked)).toEqual([false, false, false, true, false]);
    await waitFor(() => expect(screen.getByTestId('survey-title')).toHaveTextContent('Certified client satisfaction survey'));
  });
});
