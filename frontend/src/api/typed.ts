import { send, type Query } from './http';

/**
 * A typed fetch over the `paths` that openapi-typescript generates from a service's OpenAPI document
 * (src/api/generated/): the path must be one the document has for that method, path and query parameters and
 * the JSON body have the document's names and types, and the answer is the document's success body. The call
 * itself is http.ts's `send`: token, Accept-Language, problem+json → ApiError, 401 → log in again.
 */
export type Method = 'get' | 'post' | 'put' | 'delete';

/** Paths of the document that have this method. */
export type PathsWith<Paths, M extends Method> = {
  [P in keyof Paths]: Paths[P] extends Record<M, unknown> ? P : never;
}[keyof Paths];

export type Operation<Paths, P extends keyof Paths, M extends Method> = Paths[P] extends Record<M, infer O> ? O : never;

declare const noSuccessBody: unique symbol;
/**
 * What an operation answers when its document names no success body (no 200/201 with JSON content). Only
 * {@link undocumented} takes it: it says the type instead, until the document does.
 */
export interface Undocumented {
  readonly [noSuccessBody]: 'the OpenAPI document names no success body for this operation';
}

type SuccessCode = 200 | 201 | 202 | 203 | 204 | 206;
type JsonContent<R> = R extends { content: infer C } ? ([C] extends [never] ? never : C extends { 'application/json': infer T } ? T : never) : never;
type Documented<O> = O extends { responses: infer R } ? { [C in keyof R & SuccessCode]: JsonContent<R[C]> }[keyof R & SuccessCode] : never;
/** The operation's success body, or {@link Undocumented}. A 204 answers undefined. */
export type Answer<O> = [Documented<O>] extends [never] ? Undocumented : Json<Documented<O>>;

/**
 * JSON as the services read and write it: a property the document does not require may also be null
 * (Jackson writes null for an empty field and reads null as absent).
 */
export type Json<T> = T extends readonly (infer E)[]
  ? Json<E>[]
  : T extends object
    ? { [K in keyof T]: undefined extends T[K] ? Json<T[K]> | null : Json<T[K]> }
    : T;

type OperationParams<O> = O extends { parameters: infer P } ? P : object;
type RequestJson<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type PathPart<O> = OperationParams<O> extends { path: infer P } ? { path: P } : { path?: never };
type QueryPart<O> = 'query' extends keyof OperationParams<O> ? { query?: NonNullable<OperationParams<O>['query' & keyof OperationParams<O>]> } : { query?: never };
type HeaderPart<O> = 'header' extends keyof OperationParams<O> ? { header?: NonNullable<OperationParams<O>['header' & keyof OperationParams<O>]> } : { header?: never };
type BodyPart<O> = [RequestJson<O>] extends [never] ? { body?: never } : { body: Json<RequestJson<O>> };
/** What a call of the operation takes: its path parameters, query, request headers (e.g. Idempotency-Key) and JSON body. */
export type Request<O> = PathPart<O> & QueryPart<O> & HeaderPart<O> & BodyPart<O>;
type Args<O> = object extends Request<O> ? [request?: Request<O>] : [request: Request<O>];

type Call<Paths, M extends Method> = <P extends PathsWith<Paths, M>>(
  path: P,
  ...args: Args<Operation<Paths, P, M>>
) => Promise<Answer<Operation<Paths, P, M>>>;

export interface TypedClient<Paths> {
  get: Call<Paths, 'get'>;
  post: Call<Paths, 'post'>;
  put: Call<Paths, 'put'>;
  delete: Call<Paths, 'delete'>;
}

/** "/api/customers/{id}" with { id: 7 } → "/api/customers/7". */
export function fillPath(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (params[name] === undefined || params[name] === null) {
      throw new Error(`path parameter ${name} missing for ${template}`);
    }
    return encodeURIComponent(String(params[name]));
  });
}

export function typedClient<Paths>(): TypedClient<Paths> {
  const call = (method: Method) => async (path: string, request?: { path?: object; query?: object; header?: object; body?: unknown }) => {
    const response = await send(method.toUpperCase(), fillPath(path, request?.path as Record<string, unknown>), {
      query: request?.query as Query | undefined,
      headers: request?.header as Record<string, string | undefined> | undefined,
      body: request?.body,
    });
    return response.status === 204 ? undefined : response.json();
  };
  return {
    get: call('get'),
    post: call('post'),
    put: call('put'),
    delete: call('delete'),
  } as unknown as TypedClient<Paths>;
}

/**
 * The answer of an operation whose document names no success body yet, with the type said here. It stops
 * compiling once the document names the body: use the documented type then.
 */
export function undocumented<T>(answer: Promise<Undocumented>): Promise<T> {
  return answer as unknown as Promise<T>;
}
