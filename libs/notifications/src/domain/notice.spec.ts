import { nextAttemptAt, noticesFor } from './notice';

const at = '2019-05-03T03:00:00.000Z';

describe('notices an event calls for', () => {
  it('tells the receiving agency of an overdue referral, and the coordinator of its escalation, by ids and links only', () => {
    const [overdue] = noticesFor({ id: 'e1', type: 'ReferralOverdue', data: { referralId: 'r-1', caseId: 'c-1', toAgency: 'EMP-SK', dueAt: at, urgency: 'normal' }, occurredAt: at });
    expect(overdue).toMatchObject({ kind: 'referral_overdue', audience: { agency: 'EMP-SK' }, link: '/referrals/r-1' });
    expect(overdue.subject.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(overdue.subject.en).toContain('overdue');
    const [escalated] = noticesFor({ id: 'e2', type: 'ReferralEscalated', data: { referralId: 'r-1', caseId: 'c-1', toRole: 'coordinator' }, occurredAt: at });
    expect(escalated.audience).toEqual({ role: 'coordinator' });
  });

  it('says nothing of events that carry personal data, even sealed', () => {
    expect(noticesFor({ id: 'e3', type: 'CaseOpened', data: { caseId: 'c-1', personalData: { ciphertext: 'x' } }, occurredAt: at })).toEqual([]);
  });

  it('tells the owning agency of an auditor’s access grant when it is known, and no one otherwise', () => {
    const grant = { id: 'e4', type: 'AuditAccessGranted', data: { caseId: 'c-1', auditorId: 'a', agency: 'OAG', reason: 'r', grantedAt: at, until: at }, occurredAt: at };
    expect(noticesFor(grant)).toEqual([]);
    expect(noticesFor(grant, () => 'IMM-SK')[0].audience).toEqual({ agency: 'IMM-SK' });
  });

  it('waits twice as long after each failed attempt, up to a cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => nextAttemptAt(0, n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
