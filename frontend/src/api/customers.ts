import { getJson, sendJson, type Query } from './http';

/** customer-service's API (prefix /api/customers); field names as its README fixes them. */
export const STATUSES = ['APPLYING', 'CONTRACTED', 'AUDITING', 'VALID', 'SUSPENDED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED'] as const;
export type CertificationStatus = (typeof STATUSES)[number];

export interface Contact {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
  primary: boolean;
}

export interface AuditDates {
  stage1?: string | null;
  stage2?: string | null;
  surveillance?: string[];
  recertification?: string[];
}

export interface Certification {
  id: number;
  scheme: string;
  contractNo?: string | null;
  certificateNo?: string | null;
  scope?: string | null;
  scopeEn?: string | null;
  applicationAcceptedOn?: string | null;
  decisionOn?: string | null;
  auditDates: AuditDates;
  /** CNY as an exact decimal string, e.g. "12000.00"; never a float. */
  initialAuditFee?: string | null;
  surveillanceFee?: string | null;
  plannedSurveillanceDates: string[];
  surveillanceOverrideReason?: string | null;
  implementedOn?: string | null;
  status: CertificationStatus;
  allowedTransitions: CertificationStatus[];
  issuedOn?: string | null;
  expiresOn?: string | null;
  version: number;
  updatedBy?: string;
  updatedAt?: string;
}

export interface Client {
  id: number;
  name: string;
  creditCode: string;
  creditCodeOverrideReason?: string | null;
  provinceCode: string;
  provinceName?: string;
  city?: string | null;
  address?: string | null;
  postalCode?: string | null;
  contacts: Contact[];
  professionalCodes: string[];
  remarks?: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  certifications: Certification[];
  /** Earliest expiry of a live (valid, suspended) certificate: what the list sorts expiresOn by. */
  expiresOn?: string | null;
  /** Next planned surveillance of a live certificate, today or later. */
  nextSurveillanceOn?: string | null;
}

export type ClientInput = Omit<Client, 'id' | 'provinceName' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt' | 'certifications' | 'version' | 'expiresOn' | 'nextSurveillanceOn'> & {
  version?: number;
};

export type CertificationInput = Omit<Certification, 'id' | 'allowedTransitions' | 'plannedSurveillanceDates' | 'surveillanceOverrideReason' | 'version' | 'updatedBy' | 'updatedAt' | 'status'> & {
  status?: CertificationStatus;
  version?: number;
};

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface HistoryEntry {
  entity: string;
  entityId: number;
  field: string;
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
  changedBy: string;
  changedAt: string;
}

export interface ReferenceItem {
  code: string;
  name: string;
  standard?: string;
}

export interface ReferenceLists {
  provinces: ReferenceItem[];
  schemes: ReferenceItem[];
  professionalCodes: ReferenceItem[];
  statuses: CertificationStatus[];
}

export type GroupBy = 'PROVINCE' | 'STATUS' | 'SCHEME' | 'PROFESSIONAL_CODE' | 'MONTH' | 'QUARTER' | 'YEAR';

export interface StatisticsGroup {
  key: string;
  clients: number;
  certifications: number;
  initialAuditFees: string;
  surveillanceFees: string;
}

export interface DueItem {
  clientId: number;
  clientName: string;
  certificationId: number;
  scheme: string;
  certificateNo?: string | null;
  status: CertificationStatus;
  on: string;
}

/** A cell of an imported file: line in the file (1 = the header), column header, reason. */
export interface ImportRowError {
  line: number;
  column?: string | null;
  message: string;
}

/** One field a conflicting row would change: its value in CertCare now and in the file. */
export interface ImportFieldChange {
  /** Column header in the caller's language. */
  column: string;
  current?: string | null;
  file?: string | null;
}

/** A row for a client (or record) changed in CertCare since the file was exported. */
export interface ImportConflict {
  line: number;
  creditCode: string;
  name: string;
  /** The record's scheme; none when the conflict is on the client itself. */
  scheme?: string | null;
  fileVersion: number;
  currentVersion: number;
  fields: ImportFieldChange[];
}

/** What to do with conflicting rows on commit (query parameter onConflict; the server's default is skip). */
export type OnConflict = 'skip' | 'overwrite';

/** What an import found (dry run) or did (commit). Counts say what would change. */
export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  /** How the file was read: "UTF-8" or "GB18030" (CSV), or "XLSX". */
  encoding?: string | null;
  /** Data rows read, the header not counted. */
  rows: number;
  newClients: number;
  updatedClients: number;
  unchangedClients: number;
  newCertifications: number;
  updatedCertifications: number;
  unchangedCertifications: number;
  /** Records written or to be written: new plus updated. */
  certifications: number;
  /** Headings that match no ledger column: their cells were not read. */
  ignoredColumns: string[];
  /** Any error blocks the commit. */
  errors: ImportRowError[];
  /** All errors; the list holds at most the first 1,000. */
  errorCount: number;
  /** Cells taken but worth a look; they do not block the commit. */
  warnings: ImportRowError[];
  warningCount: number;
  conflicts: ImportConflict[];
  conflictCount: number;
  /** Whether conflicting rows overwrite (true) or are skipped (false). */
  overwrite: boolean;
  /** The header row and the first data rows as the server read them. */
  preview: (string | null)[][];
}

const BASE = '/api/customers';

export const customersApi = {
  list: (query: Query) => getJson<ListPage<Client>>(BASE, query),
  get: (id: number) => getJson<Client>(`${BASE}/${id}`),
  create: (input: ClientInput) => sendJson<Client>('POST', BASE, input),
  update: (id: number, input: ClientInput) => sendJson<Client>('PUT', `${BASE}/${id}`, input),
  history: (id: number, page: number, size: number) =>
    getJson<ListPage<HistoryEntry>>(`${BASE}/${id}/history`, { page, size }),
  createCertification: (clientId: number, input: CertificationInput) =>
    sendJson<Certification>('POST', `${BASE}/${clientId}/certifications`, input),
  updateCertification: (clientId: number, id: number, input: CertificationInput) =>
    sendJson<Certification>('PUT', `${BASE}/${clientId}/certifications/${id}`, input),
  transition: (clientId: number, id: number, to: CertificationStatus, reason: string, version: number) =>
    sendJson<Certification>('POST', `${BASE}/${clientId}/certifications/${id}/transitions`, { to, reason, version }),
  reference: () => getJson<ReferenceLists>(`${BASE}/reference`),
  statistics: (groupBy: GroupBy, query: Query = {}) =>
    getJson<StatisticsGroup[]>(`${BASE}/statistics`, { ...query, groupBy }),
  surveillanceDue: (days: number) => getJson<DueItem[]>(`${BASE}/statistics/surveillance-due`, { days }),
  expiring: (days: number) => getJson<DueItem[]>(`${BASE}/statistics/expiring`, { days }),
};
