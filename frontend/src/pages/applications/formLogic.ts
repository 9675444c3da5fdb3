import { ATTACHMENT_KINDS, type ApplicationDetail, type ApplicationForm, type ApplicationInput, type AttachmentKind, type FilesByKind } from '../../api/applications';
import { normalizeCreditCode } from '../customers/validation';

/**
 * The attachment kinds an application for these schemes must carry, in the form's order: each chosen scheme's
 * own list (the service's configuration, sent with the form). With no scheme chosen yet, what every scheme
 * requires (e.g. the business licence).
 */
export function requiredAttachments(form: Pick<ApplicationForm, 'schemes'>, chosen: readonly string[] | undefined): AttachmentKind[] {
  const lists = chosen?.length
    ? form.schemes.filter((s) => chosen.includes(s.code)).map((s) => s.requiredAttachments)
    : [];
  if (lists.length) {
    return ATTACHMENT_KINDS.filter((kind) => lists.some((list) => list.includes(kind)));
  }
  const all = form.schemes.map((s) => s.requiredAttachments);
  return all.length ? ATTACHMENT_KINDS.filter((kind) => all.every((list) => list.includes(kind))) : [];
}

export type LimitVerdict =
  | { ok: true }
  | { ok: false; reason: 'too-large'; fileName: string }
  | { ok: false; reason: 'too-many' }
  | { ok: false; reason: 'total-too-large' };

/** The upload limits the form announces, checked before sending (the service checks them again). */
export function checkUploadLimits(limits: ApplicationForm['limits'], files: FilesByKind, alreadyHeld = 0): LimitVerdict {
  const all = ATTACHMENT_KINDS.flatMap((kind) => files[kind] ?? []);
  const large = all.find((f) => f.size > limits.maxAttachmentBytes);
  if (large) {
    return { ok: false, reason: 'too-large', fileName: large.name };
  }
  if (all.length + alreadyHeld > limits.maxAttachments) {
    return { ok: false, reason: 'too-many' };
  }
  if (all.reduce((sum, f) => sum + f.size, 0) > limits.maxTotalBytes) {
    return { ok: false, reason: 'total-too-large' };
  }
  return { ok: true };
}

/** What the form holds: the fields of ApplicationInput as the controls keep them, and the files per kind. */
export interface ApplicationValues {
  name?: string;
  creditCode?: string;
  legalRepresentative?: string;
  address?: string;
  provinceCode?: string;
  city?: string;
  postalCode?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  schemes?: string[];
  scope?: string;
  scopeEn?: string;
  sites?: { address?: string; activity?: string; headCount?: number | null }[];
  headCount?: number | null;
  shifts?: number | null;
  outsourcedProcesses?: string;
  existingCertifications?: string;
  consultancyUsed?: boolean;
  consultancyName?: string;
  language?: string;
  attachments?: FilesByKind;
}

const blank = (s?: string | null) => (s && s.trim() ? s.trim() : null);

/** The form's values as the service reads them: trimmed, blanks as null, the credit code as stored, empty sites left out. */
export function toApplicationInput(v: ApplicationValues): ApplicationInput {
  return {
    name: v.name?.trim() ?? '',
    creditCode: normalizeCreditCode(v.creditCode ?? ''),
    legalRepresentative: v.legalRepresentative?.trim() ?? '',
    address: v.address?.trim() ?? '',
    provinceCode: v.provinceCode ?? '',
    city: blank(v.city),
    postalCode: v.postalCode?.trim() ?? '',
    contactName: v.contactName?.trim() ?? '',
    contactPhone: v.contactPhone?.trim() ?? '',
    contactEmail: blank(v.contactEmail),
    schemes: v.schemes ?? [],
    scope: v.scope?.trim() ?? '',
    scopeEn: blank(v.scopeEn),
    sites: (v.sites ?? [])
      .filter((s) => s && (blank(s.address) || blank(s.activity) || (s.headCount ?? null) !== null))
      .map((s) => ({ address: s.address?.trim() ?? '', activity: blank(s.activity), headCount: s.headCount ?? null })),
    headCount: v.headCount ?? (null as unknown as number),
    shifts: v.shifts ?? null,
    outsourcedProcesses: blank(v.outsourcedProcesses),
    existingCertifications: blank(v.existingCertifications),
    consultancyUsed: v.consultancyUsed ?? (null as unknown as boolean),
    consultancyName: v.consultancyUsed ? blank(v.consultancyName) : null,
    language: blank(v.language),
  };
}

/** An application's fields as the form holds them, to correct it (no files: those are attached anew). */
export function toApplicationValues(a: ApplicationDetail): ApplicationValues {
  const text = (s?: string | null) => s ?? undefined;
  return {
    name: a.name, creditCode: a.creditCode, legalRepresentative: text(a.legalRepresentative), address: text(a.address),
    provinceCode: text(a.provinceCode), city: text(a.city), postalCode: text(a.postalCode), contactName: text(a.contactName),
    contactPhone: text(a.contactPhone), contactEmail: text(a.contactEmail), schemes: a.schemes, scope: text(a.scope),
    scopeEn: text(a.scopeEn), sites: a.sites.map((s) => ({ address: s.address, activity: text(s.activity), headCount: s.headCount ?? null })),
    headCount: a.headCount ?? null, shifts: a.shifts ?? null, outsourcedProcesses: text(a.outsourcedProcesses),
    existingCertifications: text(a.existingCertifications), consultancyUsed: a.consultancyUsed ?? undefined,
    consultancyName: text(a.consultancyName), language: text(a.language),
  };
}

/** The review checklist's yes/no items, in the order of ISO/IEC 17021-1 9.1.2 as the form asks them. */
export const CHECKLIST_ITEMS = [
  'informationSufficient', 'scopeWithinAccreditation', 'competenceAvailable', 'sitesCovered', 'languageCovered',
  'safetyConsidered', 'impartialityNoConflict',
] as const;
