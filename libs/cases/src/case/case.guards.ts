import type { CaseState, KnownCase } from './case.state';
import { CaseClosedError, CaseFieldRequired, CaseNotFound, PersonalDataAlreadyErased } from './case.errors';

/** Checks several case use cases share. */
export function mustExist(state: CaseState, caseId: string): KnownCase {
  if (state.status === 'none') throw new CaseNotFound(caseId);
  return state;
}

/** Case work happens on open cases; personal-data rights (consent, erasure) apply to closed ones too. */
export function mustBeOpen(state: CaseState, caseId: string): KnownCase {
  const c = mustExist(state, caseId);
  if (c.status === 'closed') throw new CaseClosedError(caseId);
  return c;
}

export function mustHaveData(state: CaseState, caseId: string): KnownCase {
  const c = mustExist(state, caseId);
  if (c.personalData === 'erased') throw new PersonalDataAlreadyErased(caseId);
  return c;
}

export function required(value: string, field: string): string {
  if (!value.trim()) throw new CaseFieldRequired(field);
  return value.trim();
}
