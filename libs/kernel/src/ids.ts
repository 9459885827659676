const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An agency's code as the directory registers it: upper-case letters, digits and dashes, 2 to 64 of them. */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
