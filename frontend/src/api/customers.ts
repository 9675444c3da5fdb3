import type { components, operations, paths } from './generated/customer-service';
import { typedClient, type Json } from './typed';

/**
 * customer-service's API (prefix /api/customers). Every type here is the service's OpenAPI document's
 * (src/api/openapi/customer-service.json → src/api/generated/customer-service.ts, `npm run api:generate`);
 * what this file adds is only what the document does not say yet, each marked "the document …" below.
 */
type Schemas = components['schemas'];

/**
 * The document declares none nullable, and only the views Customer and Certification mark properties required.
 * As the service fills a schema: the properties the document requires and those named in K are always there
 * and never null, any other may be missing or null. K can only name the schema's properties, so a property
 * renamed or removed in the service fails to compile here.
 */
type Filled<T, K extends keyof T = never> = { [P in K | DocumentRequired<T>]-?: Exclude<T[P], undefined> } & { [P in Exclude<keyof T, K | DocumentRequired<T>>]?: T[P] | null };
/** The properties the document marks required. */
type DocumentRequired<T> = { [P in keyof T]-?: undefined extends T[P] ? never : P }[keyof T];

/** T with the types of some of its own properties replaced (a property T does not have fails to compile). */
type With<T, O extends Partial<Record<keyof T, unknown>> & Record<Exclude<keyof O, keyof T>, never>> = Omit<T, keyof O> & O;

/** Compiles only while the condition holds: each pins what the document says where this file corrects it. */
type DocumentSays<T extends true> = T;
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type CertificationStatus = Schemas['CertificationStatus'];
/** Every status, in the lifecycle's order (the document's enum; the check below fails if one is missing). */
export const STATUSES = ['APPLYING', 'CONTRACTED', 'AUDITING', 'VALID', 'SUSPENDED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED', 'TERMINATED'] as const satisfies readonly CertificationStatus[];
export type AllStatusesListed = DocumentSays<Is<(typeof STATUSES)[number], CertificationStatus>>;

export type Contact = Filled<Schemas['Contact'], 'name' | 'primary'>;
export type AuditDates = Filled<Schemas['AuditDates']>;

export type Certification = With<
  Filled<Schemas['Certification']>,
  { auditDates: AuditDates; updatedBy?: Schemas['Certification']['updatedBy']; updatedAt?: Schemas['Certification']['updatedAt'] }
>;

/** A management-system change the customer reported (17021-1 8.5); open while acknowledgedAt is null. */
export type SystemChange = Filled<Schemas['SystemChange']>;

export type Customer = With<
  Filled<Schemas['Customer'], 'certifications' | 'openSystemChanges'>,
  { contacts: Contact[]; certifications: Certification[]; openSystemChanges: SystemChange[]; provinceName?: Schemas['Customer']['provinceName'] }
>;

export type CustomerInput = With<
  Filled<Schemas['CustomerInput'], 'name' | 'creditCode' | 'provinceCode' | 'contacts' | 'professionalCodes'>,
  { contacts: Contact[]; version?: number }
>;

/**
 * The document says number for the fees (BigDecimal); the service reads exact decimal strings as well and
 * the form sends those ("12000.50"), never a float.
 */
export type CertificationInput = With<
  Filled<Schemas['CertificationInput'], 'scheme' | 'auditDates'>,
  { auditDates: AuditDates; initialAuditFee?: string | null; surveillanceFee?: string | null; status?: CertificationStatus; version?: number }
>;
export type FeesAreNumbersInTheDocument = DocumentSays<Is<Schemas['CertificationInput']['initialAuditFee'], number | undefined>>;

/** A page of a list: the document's ListPageCustomerView (customers) and ListPageEntry (history), each with its items. */
export type ListPage<T> = With<Filled<Schemas['ListPageCustomerView'], 'items' | 'total' | 'page' | 'size'>, { items: T[] }>;

export type HistoryEntry = Filled<Schemas['Entry'], 'entity' | 'entityId' | 'field' | 'changedBy' | 'changedAt'>;

/** The document says a list of string maps; each item has these keys. */
export interface ReferenceItem {
  code: string;
  name: string;
  standard?: string;
}
export type ReferenceLists = With<
  Filled<Schemas['Lists'], 'provinces' | 'schemes' | 'professionalCodes' | 'statuses'>,
  { provinces: ReferenceItem[]; schemes: ReferenceItem[]; professionalCodes: ReferenceItem[] }
>;
export type ReferenceItemsAreMapsInTheDocument = DocumentSays<Is<NonNullable<Schemas['Lists']['provinces']>[number], Record<string, string>>>;

export type GroupBy = Schemas['GroupBy'];

/** The document says number for the fee sums; the service sends them as exact decimal strings ("12000.50"). */
export type StatisticsGroup = With<
  Filled<Schemas['Group'], 'key' | 'customers' | 'certifications' | 'initialAuditFees' | 'surveillanceFees'>,
  { initialAuditFees: string; surveillanceFees: string }
>;
export type FeeSumsAreNumbersInTheDocument = DocumentSays<Is<Schemas['Group']['initialAuditFees'], number | undefined>>;

/** The document says string for the status; it is a certification status. */
export type DueItem = With<
  Filled<Schemas['DueItem'], 'customerId' | 'customerName' | 'certificationId' | 'scheme' | 'status' | 'on'>,
  { status: CertificationStatus }
>;
export type DueStatusIsAStringInTheDocument = DocumentSays<Is<Schemas['DueItem']['status'], string | undefined>>;

/** A cell of an imported file: line in the file (1 = the header), column header, reason. */
export type ImportRowError = Filled<Schemas['RowError'], 'line' | 'message'>;
/** One field a conflicting row would change: its value in CertCare now and in the file. */
export type ImportFieldChange = Filled<Schemas['ImportFieldChange'], 'column'>;
/** A row for a customer (or record) changed in CertCare since the file was exported. */
export type ImportConflict = With<
  Filled<Schemas['ImportConflict'], 'line' | 'creditCode' | 'name' | 'fileVersion' | 'currentVersion' | 'fields'>,
  { fields: ImportFieldChange[] }
>;
/** What an import found (dry run) or did (commit); the preview's empty cells are null. */
export type ImportReport = With<
  Filled<Schemas['ImportReport'], Exclude<keyof Schemas['ImportReport'], 'encoding'>>,
  { errors: ImportRowError[]; warnings: ImportRowError[]; conflicts: ImportConflict[]; preview: (string | null)[][] }
>;
/** What to do with conflicting rows on commit; the document says string (the server's default is skip). */
export type OnConflict = 'skip' | 'overwrite';
export type OnConflictIsAStringInTheDocument = DocumentSays<Is<NonNullable<operations['importCustomers']['parameters']['query']>['onConflict'], string | undefined>>;

/** The list's query: its filters, sort ("field" or "field,desc"), page and size — the document's parameters. */
export type ListQuery = NonNullable<operations['listCustomers']['parameters']['query']>;
/** The filters the statistics take besides groupBy. */
export type StatisticsQuery = Omit<NonNullable<operations['groupCustomerStatistics']['parameters']['query']>, 'groupBy'>;

const api = typedClient<paths>();

/**
 * The calls the screens make. Each answer is the document's success body, read as `Filled` says (the document
 * marks no property required) or as `corrected` says.
 */
export const customersApi = {
  list: (query: ListQuery) => api.get('/api/customers', { query }) as Promise<ListPage<Customer>>,
  get: (id: number) => api.get('/api/customers/{id}', { path: { id } }) as Promise<Customer>,
  create: (input: CustomerInput) => api.post('/api/customers', { body: input }) as Promise<Customer>,
  update: (id: number, input: CustomerInput) => api.put('/api/customers/{id}', { path: { id }, body: input }) as Promise<Customer>,
  history: (id: number, page: number, size: number) =>
    api.get('/api/customers/{customerId}/history', { path: { customerId: id }, query: { page, size } }) as Promise<ListPage<HistoryEntry>>,
  createCertification: (customerId: number, input: CertificationInput) =>
    api.post('/api/customers/{customerId}/certifications', { path: { customerId }, body: money(input) }) as Promise<Certification>,
  updateCertification: (customerId: number, id: number, input: CertificationInput) =>
    api.put('/api/customers/{customerId}/certifications/{id}', { path: { customerId, id }, body: money(input) }) as Promise<Certification>,
  transition: (customerId: number, id: number, to: CertificationStatus, reason: string, version: number) =>
    api.post('/api/customers/{customerId}/certifications/{id}/transitions', {
      path: { customerId, id }, body: { to, reason, version },
    }) as Promise<Certification>,
  systemChanges: (customerId: number) =>
    api.get('/api/customers/{customerId}/system-changes', { path: { customerId } }) as Promise<SystemChange[]>,
  acknowledgeSystemChange: (customerId: number, changeId: number, note: string | null) =>
    api.post('/api/customers/{customerId}/system-changes/{changeId}/acknowledge', {
      path: { customerId, changeId }, body: { note },
    }) as Promise<SystemChange>,
  reference: () => corrected<ReferenceLists>(api.get('/api/customers/reference')),
  statistics: (groupBy: GroupBy, query: StatisticsQuery = {}) =>
    corrected<StatisticsGroup[]>(api.get('/api/customers/statistics', { query: { ...query, groupBy } })),
  /** One page (from 1) of live certificates with a planned surveillance in the next `days` days, with the total. */
  surveillanceDue: (days: number, page = 1, size = 50) =>
    api.get('/api/customers/statistics/surveillance-due', { query: { days, page, size } }) as Promise<ListPage<DueItem>>,
  /** One page (from 1) of live certificates expiring in the next `days` days, with the total. */
  expiring: (days: number, page = 1, size = 50) =>
    api.get('/api/customers/statistics/expiring', { query: { days, page, size } }) as Promise<ListPage<DueItem>>,
};

/** An answer whose type this file corrects (each correction is pinned by a DocumentSays above). */
function corrected<T>(answer: Promise<unknown>): Promise<T> {
  return answer as Promise<T>;
}

/** The fees as the form has them, exact decimal strings, where the document says number (see CertificationInput). */
function money(input: CertificationInput): Json<Schemas['CertificationInput']> {
  return input as unknown as Json<Schemas['CertificationInput']>;
}
