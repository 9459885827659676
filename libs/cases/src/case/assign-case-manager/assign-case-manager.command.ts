import type { Base } from '../../command';

export type AssignCaseManager = Base<'AssignCaseManager', { caseId: string; caseManagerId: string }>;
