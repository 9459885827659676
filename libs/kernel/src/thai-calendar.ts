/** Buddhist Era year = Common Era year + 543. */
export const BE_OFFSET = 543;

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

/**
 * The Thai fiscal year (B.E.) a date falls in: 1 October to 30 September, named by the year in which
 * it ends. 2018-10-01 and 2019-09-30 are both in FY2562. Judged in Thai time (UTC+7).
 */
export function fiscalYearOf(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600 * 1000);
  const year = bangkok.getUTCFullYear();
  const endsIn = bangkok.getUTCMonth() >= 9 ? year + 1 : year;
  return toBuddhistYear(endsIn);
}

/** The first and last day (ISO dates) of a fiscal year given in B.E.: FY2562 = 2018-10-01..2019-09-30. */
export function fiscalYearRange(fiscalYearBE: number): { start: string; end: string } {
  const endCE = fiscalYearBE - BE_OFFSET;
  return { start: `${endCE - 1}-10-01`, end: `${endCE}-09-30` };
}
