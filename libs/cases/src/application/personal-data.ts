/** Kinds of identity document a person may hold. */
export const IDENTITY_DOCUMENT_KINDS = [
  'thai_national_id',
  'passport',
  'border_pass',
  'migrant_worker_card',
  'birth_certificate',
  'other',
] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

/**
 * A person's personal data, as the case worker enters it. It exists in plaintext only in memory:
 * it is sealed with the person's key before any event is decided, and opened only for a logged read.
 */
export interface PersonalData {
  readonly givenName: string;
  readonly familyName?: string;
  readonly otherNames?: readonly string[];
  readonly dateOfBirth?: string;
  readonly sex?: 'female' | 'male' | 'other' | 'unknown';
  readonly nationality?: string;
  readonly languages?: readonly string[];
  readonly contact?: { readonly phone?: string; readonly address?: string };
  readonly identityDocuments?: ReadonlyArray<{ readonly kind: IdentityDocumentKind; readonly number: string }>;
  /** Free text about the person: personal data too. */
  readonly notes?: string;
}
