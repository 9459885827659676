/* What a commitment's commands, events and state share. */

/** What an agency can pledge. Budget is in satang; the rest are counts. */
export const RESOURCES = ['staff_days', 'budget_satang', 'shelter_beds', 'vehicles', 'interpreters'] as const;
export type Resource = (typeof RESOURCES)[number];

export type CommitmentTarget =
  | { readonly kind: 'project'; readonly planId: string; readonly projectId: string }
  | { readonly kind: 'case'; readonly caseId: string };
