import type { Base } from '../../command';

export type WithdrawConsent = Base<'WithdrawConsent', { caseId: string; withdrawnOn: string }>;
