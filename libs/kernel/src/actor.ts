/** Roles a token can carry. Later issues enforce what each may do. */
export const ROLES = ['coordinator', 'chair', 'agency_officer', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: taken from the verified token, passed into every command. */
export interface Actor {
  readonly id: string;
  readonly agency: string;
  readonly role: Role;
}
