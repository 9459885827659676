import { commitmentDueNotice, nextAttemptAt, noticesFor } from './notice';

const at = '2019-05-03T03:00:00.000Z';

describe('notices an event calls for', () => {
  it('tells the receiving agency of an overdue referral, and the coordinator of its escalation, by ids and links only', () => {
    const [overdue] = noticesFor({
      id: 'e1',
      type: 'ReferralOverdue',
      data: { referralId: 'r-1', caseId: 'c-1', toAgency: 'EMP-SK', dueAt: at, urgency: 'normal' },
      occurredAt: at,
    });
    expect(overdue).toMatchObject({ kind: 'referral_overdue', audience: { agency: 'EMP-SK' }, link: '/referrals/r-1' });
    expect(overdue.subject.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(overdue.subject.en).toContain('overdue');
    const [escalated] = noticesFor({
      id: 'e2',
      type: 'ReferralEscalated',
      data: { referralId: 'r-1', caseId: 'c-1', toRole: 'coordinator' },
      occurredAt: at,
    });
    expect(escalated.audience).toEqual({ role: 'coordinator', readers: ['coordinator', 'agency_officer', 'auditor'] });
  });

  it('gives times in the Buddhist era and Bangkok time in Thai, and in Bangkok time in English', () => {
    const [received] = noticesFor({
      id: 'e5',
      type: 'ReferralSent',
      data: {
        referralId: 'r-1',
        caseId: 'c-1',
        fromAgency: 'PSDHS-SK',
        toAgency: 'EMP-SK',
        service: 'shelter',
        urgency: 'urgent',
        dueAt: at,
      },
      occurredAt: at,
    });
    expect(received.body.th).toContain('3 พ.ค. 2562 10:00 น.');
    expect(received.body.en).toContain('3 May 2019, 10:00 Bangkok time');
    expect(received.body.th).not.toContain(at);
    // Services and urgency by name, not by code.
    expect(received.body.th).toContain('ขอรับบริการที่พักในสถานคุ้มครอง ความเร่งด่วน: ด่วน');
    expect(received.body.en).toContain('for shelter, urgency urgent');
  });

  it('reminds the pledging agency on the day a commitment falls due, with what is left to do, and links to the case', () => {
    const notice = commitmentDueNotice(
      {
        commitmentId: 'k-1',
        agency: 'SHELTER-SK',
        resource: 'shelter_beds',
        quantity: 4,
        fulfilled: 1,
        dueOn: '2019-06-30',
        target: { kind: 'case', caseId: 'c-1' },
      },
      'n-1',
      at,
    );
    expect(notice).toMatchObject({
      eventId: 'n-1',
      kind: 'commitment_due',
      audience: { agency: 'SHELTER-SK' },
      link: '/cases/c-1',
    });
    expect(notice.body.th).toContain('เตียงในสถานคุ้มครอง 4 ดำเนินการแล้ว 1 คงเหลือ 3 ครบกำหนดวันที่ 30 มิถุนายน 2562');
    expect(notice.body.en).toContain('due 30 Jun 2019');
    const project = commitmentDueNotice(
      {
        commitmentId: 'k-2',
        agency: 'EMP-SK',
        resource: 'staff_days',
        quantity: 10,
        fulfilled: 0,
        dueOn: '2019-06-30',
        target: { kind: 'project', planId: 'p-1', projectId: 'x-1' },
      },
      'n-2',
      at,
    );
    expect(project.link).toBe('/plans/p-1/projects/x-1');
  });

  it('says nothing of events that carry personal data, even sealed', () => {
    expect(
      noticesFor({
        id: 'e3',
        type: 'CaseOpened',
        data: { caseId: 'c-1', personalData: { ciphertext: 'x' } },
        occurredAt: at,
      }),
    ).toEqual([]);
  });

  it('tells the owning agency of an auditor’s access grant when it is known, and no one otherwise', () => {
    const grant = {
      id: 'e4',
      type: 'AuditAccessGranted',
      data: { caseId: 'c-1', auditorId: 'a', agency: 'OAG', reason: 'r', grantedAt: at, until: at },
      occurredAt: at,
    };
    expect(noticesFor(grant)).toEqual([]);
    expect(noticesFor(grant, () => 'IMM-SK')[0].audience).toEqual({
      agency: 'IMM-SK',
      readers: ['coordinator', 'agency_officer', 'auditor'],
    });
  });

  it('reaches only the roles that may read what it links to: no referral or case for a chair or a viewer of the agency, no plan for a viewer', () => {
    const [sent] = noticesFor({
      id: 'e6',
      type: 'ReferralSent',
      data: {
        referralId: 'r-1',
        caseId: 'c-1',
        fromAgency: 'PSDHS-SK',
        toAgency: 'EMP-SK',
        service: 'shelter',
        urgency: 'urgent',
        dueAt: at,
      },
      occurredAt: at,
    });
    expect(sent.audience.readers).toEqual(['coordinator', 'agency_officer', 'auditor']);
    const [submitted] = noticesFor({ id: 'e7', type: 'PlanSubmitted', data: { planId: 'p-1' }, occurredAt: at });
    expect(submitted.link).toBe('/plans/p-1');
    expect(submitted.audience.readers).toEqual(['coordinator', 'chair', 'agency_officer', 'auditor']);
    const due = (target: { kind: 'case'; caseId: string } | { kind: 'project'; planId: string; projectId: string }) =>
      commitmentDueNotice(
        {
          commitmentId: 'k-1',
          agency: 'SHELTER-SK',
          resource: 'shelter_beds',
          quantity: 4,
          fulfilled: 1,
          dueOn: '2019-06-30',
          target,
        },
        'n-1',
        at,
      ).audience.readers;
    expect(due({ kind: 'case', caseId: 'c-1' })).not.toContain('chair');
    expect(due({ kind: 'project', planId: 'p-1', projectId: 'x-1' })).toContain('chair');
    expect(due({ kind: 'project', planId: 'p-1', projectId: 'x-1' })).not.toContain('viewer');
  });

  it('waits twice as long after each failed attempt, up to a cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => nextAttemptAt(0, n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

describe('notices limited by province', () => {
  const chonBuriToSaKaeo = { province: 'TH-20', toProvince: 'TH-27' };
  const event = (type: string, data: Record<string, unknown>) => ({ id: 'e', type, data, occurredAt: at });

  it("reach a plan's chair and coordinators in the plan's province only", () => {
    for (const type of ['PlanSubmitted', 'PlanReturned', 'PlanApproved', 'FundRequestApproved']) {
      const [notice] = noticesFor(event(type, { planId: 'p-1', projectId: 'x', requestId: 'f' }), undefined, {
        province: 'TH-23',
      });
      expect(notice.audience.provinces).toEqual(['TH-23']);
    }
  });

  it("reach the recipient agency of a cross-province referral in the recipient's province", () => {
    for (const type of ['ReferralSent', 'ReferralOverdue']) {
      const [notice] = noticesFor(
        event(type, { referralId: 'r-1', toAgency: 'SHELTER-SK' }),
        undefined,
        chonBuriToSaKaeo,
      );
      expect(notice.audience).toMatchObject({ agency: 'SHELTER-SK', provinces: ['TH-27'] });
    }
  });

  it('escalate a cross-province referral to the coordinators of both provinces, and of no third', () => {
    const [escalated] = noticesFor(event('ReferralEscalated', { referralId: 'r-1' }), undefined, chonBuriToSaKaeo);
    expect(escalated.audience).toMatchObject({ role: 'coordinator', provinces: ['TH-20', 'TH-27'] });
    const [local] = noticesFor(event('ReferralEscalated', { referralId: 'r-1' }), undefined, { province: 'TH-27' });
    expect(local.audience.provinces).toEqual(['TH-27']);
  });
});
