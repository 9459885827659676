import type { Base } from '../../command';

export type RecordConsent = Base<'RecordConsent', { caseId: string; givenOn: string; scope: 'share_with_agencies' }>;
