import { afterEach, describe, expect, it, vi } from 'vitest';
import type { paths } from './generated/customer-service';
import { ApiError } from './http';
import { fillPath, typedClient, undocumented } from './typed';

vi.mock('../config', () => ({ config: () => ({ gatewayUrl: 'https://gw.example', keycloakUrl: '', realm: '', clientId: '' }) }));
vi.mock('../auth/session', () => ({ accessToken: () => 'token-1', unauthorized: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => fetchMock.mockReset());

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const api = typedClient<paths>();

describe('the typed client over the generated paths', () => {
  it('fills path parameters, repeats list parameters, sends the token and the language', async () => {
    fetchMock.mockResolvedValueOnce(json(200, [{ key: '330000', customers: 2 }]));
    const groups = await api.get('/api/customers/statistics', { query: { groupBy: 'PROVINCE', status: ['VALID', 'SUSPENDED'], q: '' } });
    expect(groups).toEqual([{ key: '330000', customers: 2 }]);
    const [address, init] = fetchMock.mock.calls[0];
    expect(address).toBe('https://gw.example/api/customers/statistics?groupBy=PROVINCE&status=VALID&status=SUSPENDED');
    expect(init?.method).toBe('GET');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer token-1', 'Accept-Language': expect.stringMatching(/^(zh-CN|en)$/) });
  });

  it('sends the JSON body and reads the answer; 204 is undefined', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { id: 5, status: 'SUSPENDED' }));
    expect(await api.post('/api/customers/{customerId}/certifications/{id}/transitions', {
      path: { customerId: 7, id: 5 }, body: { to: 'SUSPENDED', reason: '暂停', version: 3 },
    })).toEqual({ id: 5, status: 'SUSPENDED' });
    const [address, init] = fetchMock.mock.calls[0];
    expect(address).toBe('https://gw.example/api/customers/7/certifications/5/transitions');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ to: 'SUSPENDED', reason: '暂停', version: 3 });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    expect(await api.delete('/api/customers/{id}', { path: { id: 9 }, query: { version: 0 } })).toBeUndefined();
    expect(fetchMock.mock.calls[1][0]).toBe('https://gw.example/api/customers/9?version=0');
  });

  it('turns problem+json into an ApiError with the problem', async () => {
    fetchMock.mockResolvedValueOnce(json(409, { status: 409, code: 'stale', title: '已被他人修改' }, 'application/problem+json'));
    const failure = await api.get('/api/customers/{id}', { path: { id: 1 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(409);
    expect((failure as ApiError).code).toBe('stale');
  });

  it('encodes path parameters and refuses a missing one', () => {
    expect(fillPath('/api/customers/{id}/history', { id: 'a/b' })).toBe('/api/customers/a%2Fb/history');
    expect(() => fillPath('/api/customers/{id}', {})).toThrow(/id missing/);
  });

  it('checks paths, parameters and bodies against the document at compile time (tsc -p . runs this file)', () => {
    // never called: each line must fail to compile, or tsc fails on the unused @ts-expect-error
    const compileOnly = () => {
      // @ts-expect-error a path the document does not have
      void api.get('/api/customer');
      // @ts-expect-error a method the path does not have
      void api.delete('/api/customers/reference');
      // @ts-expect-error the path parameter is missing
      void api.get('/api/customers/{customerId}/history', { query: { page: 1 } });
      // @ts-expect-error a query parameter the operation does not take
      void api.get('/api/customers/statistics', { query: { groupBy: 'PROVINCE', colour: 'red' } });
      // @ts-expect-error a value outside the document's enum
      void api.get('/api/customers/statistics', { query: { groupBy: 'CITY' } });
      // @ts-expect-error a body property of the wrong type
      void api.post('/api/customers/{customerId}/certifications/{id}/transitions', { path: { customerId: 1, id: 2 }, body: { to: 'VALID', version: '3' } });
      // @ts-expect-error the document names this answer (Pong): it is not undocumented
      void undocumented(api.get('/api/customers/ping'));
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});
