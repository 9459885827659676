import type { Sealed } from '../command';
import type { IdentificationOutcome, LegalBasis, NrmStage } from './case.values';

export interface KnownCase {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly personId: string;
  readonly owningAgency: string;
  /** The province the case belongs to; null when opened before provinces (the deployment's, DEPLOYMENT_PROVINCE). */
  readonly province: string | null;
  readonly stage: NrmStage;
  readonly identification: IdentificationOutcome | null;
  readonly caseManagerId: string | null;
  readonly consent: boolean;
  readonly legalBasis: LegalBasis | null;
  /** The latest sealed personal data, or 'erased' once the key is gone. */
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- sealed text is a version prefix and base64url ciphertext, never the word; the union names the state a reader must handle
  readonly personalData: Sealed | 'erased';
}

export type CaseState = { readonly status: 'none' } | KnownCase;
