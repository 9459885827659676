import { isProvinceCode, type Role } from '@ruamjai/kernel';
import { USERNAME, type ProviderRefusal } from '../user/user.values';

/** Which claims give what, and how the provider's values become Ruamjai's (OIDC_* settings). */
export interface ClaimMapping {
  readonly claims: {
    readonly username: string;
    readonly displayName: string;
    readonly role: string;
    readonly agency: string;
  };
  readonly roleMap: ReadonlyArray<{ readonly value: string; readonly role: Role }>;
  readonly agencyMap: ReadonlyArray<{ readonly value: string; readonly agency: string }> | undefined;
}

export type MappedIdentity =
  | {
      readonly kind: 'mapped';
      readonly username: string;
      readonly displayName: string;
      readonly role: Role;
      readonly agency: string;
      /** The provider's `province` claim when it names a province (ISO 3166-2, e.g. TH-27); else none. */
      readonly province: string | null;
      readonly providerValues: readonly string[];
    }
  | {
      readonly kind: 'refused';
      readonly reason: Extract<ProviderRefusal, 'no_role' | 'no_agency' | 'invalid_username'>;
      readonly claimedUsername: string | null;
      readonly claimedAgency: string | null;
      readonly providerValues: readonly string[];
    };

const AGENCY = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
/** What a refusal keeps of the provider's values: enough to see why, not a whole directory. */
const KEPT_VALUES = 50;
const KEPT_LENGTH = 200;

/** A claim by name, or by a dotted path into nested objects (`realm_access.roles`) when no claim has that exact name. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, path)) return claims[path];
  let here: unknown = claims;
  for (const part of path.split('.')) {
    if (!here || typeof here !== 'object' || Array.isArray(here) || !Object.prototype.hasOwnProperty.call(here, part))
      return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** A claim's string values: one string, or the strings of an array; anything else gives none. */
function values(claim: unknown): string[] {
  const list =
    typeof claim === 'string'
      ? [claim]
      : Array.isArray(claim)
        ? claim.filter((v): v is string => typeof v === 'string')
        : [];
  return list.map((v) => v.trim()).filter(Boolean);
}

/**
 * The provider's claims (ID token and userinfo) as a Ruamjai person, or why they cannot be one. The
 * first entry of the role map that the person holds decides the role, so list the most specific first.
 */
export function mapProviderClaims(claims: Record<string, unknown>, mapping: ClaimMapping): MappedIdentity {
  const held = values(claimAt(claims, mapping.claims.role));
  // Matched against all the person holds; only the record of them is cut short.
  const providerValues = held.slice(0, KEPT_VALUES).map((v) => v.slice(0, KEPT_LENGTH));
  const rawUsername = values(claimAt(claims, mapping.claims.username))[0]?.toLowerCase() ?? null;
  const agencyValues = values(claimAt(claims, mapping.claims.agency));
  const claimedAgency = agencyValues[0]?.slice(0, KEPT_LENGTH) ?? null;
  const claimedUsername = rawUsername?.slice(0, KEPT_LENGTH) ?? null;
  const refused = (reason: 'no_role' | 'no_agency' | 'invalid_username'): MappedIdentity => ({
    kind: 'refused',
    reason,
    claimedUsername,
    claimedAgency,
    providerValues,
  });

  if (!rawUsername || !USERNAME.test(rawUsername)) return refused('invalid_username');
  const role = mapping.roleMap.find((entry) => held.includes(entry.value))?.role;
  if (!role) return refused('no_role');
  const agency = mapping.agencyMap
    ? mapping.agencyMap.find((entry) => agencyValues.includes(entry.value))?.agency
    : agencyValues.find((v) => AGENCY.test(v));
  if (!agency) return refused('no_agency');
  const displayName = (values(claimAt(claims, mapping.claims.displayName))[0] ?? rawUsername).slice(0, 200);
  const province = values(claimAt(claims, 'province')).find(isProvinceCode) ?? null;
  return { kind: 'mapped', username: rawUsername, displayName, role, agency, province, providerValues };
}
