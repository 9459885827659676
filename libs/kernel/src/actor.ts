/** Roles a token can carry. Later issues enforce what each may do. */
export const ROLES = [
  'coordinator',
  'chair',
  'agency_officer',
  'auditor',
  'viewer',
  'secretariat',
  'national_auditor',
  'national_viewer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles of the national level (the national secretariat, its auditors and viewers): they read across
 * provinces. Every other role works in its own province and sees nothing of another.
 */
export const NATIONAL_ROLES: readonly Role[] = ['secretariat', 'national_auditor', 'national_viewer'];
export const isNationalRole = (role: Role): boolean => NATIONAL_ROLES.includes(role);

/** Role names as people read them in problem texts, Thai first (the console's locales say the same). */
export const ROLE_LABELS: Readonly<Record<Role, { readonly th: string; readonly en: string }>> = {
  coordinator: { th: 'ผู้ประสานงานศูนย์ฯ จังหวัด', en: 'Provincial centre coordinator' },
  chair: { th: 'ประธานอนุกรรมการ', en: 'Subcommittee chair' },
  agency_officer: { th: 'เจ้าหน้าที่หน่วยงาน', en: 'Agency officer' },
  auditor: { th: 'ผู้ตรวจสอบ', en: 'Auditor' },
  viewer: { th: 'ผู้ดูแดชบอร์ด', en: 'Dashboard viewer' },
  secretariat: { th: 'เลขานุการส่วนกลาง', en: 'National secretariat' },
  national_auditor: { th: 'ผู้ตรวจสอบส่วนกลาง', en: 'National auditor' },
  national_viewer: { th: 'ผู้ดูแดชบอร์ดส่วนกลาง', en: 'National dashboard viewer' },
};

/** Who is acting: taken from the verified token, passed into every command. */
export interface Actor {
  readonly id: string;
  readonly agency: string;
  readonly role: Role;
  /** The province the person works in (ISO 3166-2, e.g. TH-27); national roles have one too, their home. */
  readonly province: string;
}

/**
 * Whether the actor may see what belongs to a province at all: their own, or any for a national role.
 * What they may see there is the role's rules; this is only the fence around the province.
 */
export const withinReach = (actor: Actor, province: string): boolean =>
  isNationalRole(actor.role) || actor.province === province;
