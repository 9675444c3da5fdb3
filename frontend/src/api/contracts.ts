import type { components, operations, paths } from './generated/application-contract-service';
import { typedClient, type Json } from './typed';

/**
 * application-contract-service's contracts (认证合同, form 16-02): drawn up from an accepted application, its
 * terms edited while DRAFT, then sent, signed (ContractSigned goes to customer-service) or terminated.
 */
type Schemas = components['schemas'];

export type ContractStatus = Schemas['ContractStatus'];
export const CONTRACT_STATUSES = ['DRAFT', 'SENT', 'SIGNED', 'TERMINATED'] as const satisfies readonly ContractStatus[];
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const allContractStatusesListed: Is<(typeof CONTRACT_STATUSES)[number], ContractStatus> extends true ? true : never = true;

export type Contract = Json<Schemas['Contract']>;
/**
 * The document says number for the fees of ContractInput (BigDecimal without a string schema, unlike the Contract
 * view); the service reads exact decimal strings and the form sends those ("9000.50"), never a float. The pin below
 * stops compiling once the document says string: then drop the correction.
 */
export type ContractInput = Omit<Json<Schemas['ContractInput']>, 'initialAuditFee' | 'surveillanceFee'>
  & { initialAuditFee?: string | null; surveillanceFee?: string | null };
type DocumentSays<T extends true> = T;
export type ContractFeesAreNumbersInTheDocument = DocumentSays<Is<Schemas['ContractInput']['initialAuditFee'], number | undefined>>;
/** The fees as the form has them, exact decimal strings, where the document says number. */
function money(input: ContractInput): Json<Schemas['ContractInput']> {
  return input as unknown as Json<Schemas['ContractInput']>;
}
export type ContractTransition = Json<Schemas['ContractTransition']>;
export type ContractHistoryEntry = Json<NonNullable<Schemas['ListPageEntry1']['items']>[number]>;
export type ContractListQuery = NonNullable<operations['listContracts']['parameters']['query']>;

const api = typedClient<paths>();

export const contractsApi = {
  list: (query: ContractListQuery) => api.get('/api/contracts', { query }),
  get: (id: number) => api.get('/api/contracts/{id}', { path: { id } }),
  create: (applicationId: number) => api.post('/api/contracts', { body: { applicationId } }),
  update: (id: number, input: ContractInput) => api.put('/api/contracts/{id}', { path: { id }, body: money(input) }),
  send: (id: number, version: number) => api.post('/api/contracts/{id}/send', { path: { id }, body: { version } }),
  sign: (id: number, version: number, signedOn: string) =>
    api.post('/api/contracts/{id}/sign', { path: { id }, body: { version, signedOn } }),
  terminate: (id: number, version: number, reason: string) =>
    api.post('/api/contracts/{id}/terminate', { path: { id }, body: { version, reason } }),
  history: (id: number, page: number, size: number) =>
    api.get('/api/contracts/{id}/history', { path: { id }, query: { page, size } }),
};

/** The PDF renderings' addresses (fetched with the token). */
export const contractPdfPath = (id: number) => `/api/contracts/${id}/pdf`;
export const applicationPdfPath = (id: number) => `/api/applications/${id}/pdf`;
