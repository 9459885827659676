/* What the case specs share: actors, times and the events that make up a history. */
import type { Actor } from '@ruamjai/kernel';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';

export const officer: Actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' };
export const at = new Date('2019-05-02T03:00:00Z');
export const caseId = 'c-1';
export const cmd = (type: CaseCommand['type'], data: object = {}) =>
  ({ type, data: { caseId, ...data }, actor: officer, at }) as CaseCommand;

export const opened = {
  type: 'CaseOpened',
  data: {
    caseId,
    personId: 'p-1',
    owningAgency: 'SHELTER-SK',
    province: 'TH-27',
    source: 'border_screening',
    districtCode: '2706',
    foundOn: '2019-05-01',
    ageGroup: 'child',
    openedAt: at.toISOString(),
    personalData: 'rj1.sealed',
  },
} satisfies CaseEvent;
export const screened = {
  type: 'CaseScreened',
  data: { caseId, indicators: ['debt_bondage'], formReference: 'ร.บ.1/2562-014' },
} satisfies CaseEvent;
export const identified = {
  type: 'VictimIdentificationRecorded',
  data: { caseId, outcome: 'victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' },
} satisfies CaseEvent;
export const notVictim = {
  type: 'VictimIdentificationRecorded',
  data: { caseId, outcome: 'not_victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' },
} satisfies CaseEvent;
export const closed = {
  type: 'CaseClosed',
  data: { caseId, outcome: 'reintegrated', closedAt: at.toISOString() },
} satisfies CaseEvent;
export const consent = {
  type: 'ConsentRecorded',
  data: { caseId, givenOn: '2019-05-02', scope: 'share_with_agencies' },
} satisfies CaseEvent;
export const erased = {
  type: 'PersonalDataErased',
  data: { caseId, personId: 'p-1', requestedOn: '2019-06-01', erasedAt: at.toISOString(), reason: 'คำขอของเจ้าของข้อมูล' },
} satisfies CaseEvent;
