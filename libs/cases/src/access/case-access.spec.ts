import { CaseNotFound } from '../case/case.errors';
import { ROLES, type Actor, type Role } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import {
  accessLogDecider,
  auditGrantUntil,
  authoriseCaseCommand,
  CaseNotPermitted,
  mayReadCase,
  personalDataGround,
  PurposeRequired,
  type CaseAccessFacts,
} from './case-access';

const now = new Date('2019-05-02T03:00:00Z');
const facts = (
  referral?: {
    status: 'sent' | 'accepted' | 'in_progress' | 'declined' | 'completed' | 'revoked';
    sharesPersonalData: boolean;
  },
  grant: string | null = null,
): CaseAccessFacts => ({
  owningAgency: 'SHELTER-SK',
  province: 'TH-27',
  referrals: referral ? [{ toAgency: 'HEALTH-SK', ...referral }] : [],
  auditGrantUntil: grant,
  sharingBasis: true,
});
const AGENCIES = ['SHELTER-SK', 'HEALTH-SK', 'POL-SK'] as const;

/** role × agency → may see personal data? For a case owned by SHELTER-SK with a sharing referral to HEALTH-SK. */
const expected: Record<Role, Record<(typeof AGENCIES)[number], boolean>> = {
  coordinator: { 'SHELTER-SK': true, 'HEALTH-SK': true, 'POL-SK': true },
  agency_officer: { 'SHELTER-SK': true, 'HEALTH-SK': true, 'POL-SK': false },
  chair: { 'SHELTER-SK': false, 'HEALTH-SK': false, 'POL-SK': false },
  auditor: { 'SHELTER-SK': false, 'HEALTH-SK': false, 'POL-SK': false },
  viewer: { 'SHELTER-SK': false, 'HEALTH-SK': false, 'POL-SK': false },
  secretariat: { 'SHELTER-SK': false, 'HEALTH-SK': false, 'POL-SK': false },
  national_auditor: { 'SHELTER-SK': false, 'HEALTH-SK': false, 'POL-SK': false },
  national_viewer: { 'SHELTER-SK': false, 'HEALTH-SK': false, 'POL-SK': false },
};

describe("need-to-know on a case's personal data", () => {
  it.each(ROLES.flatMap((role) => AGENCIES.map((agency) => [role, agency] as const)))('a %s of %s', (role, agency) => {
    const actor: Actor = { id: 'u', agency, role, province: 'TH-27' };
    expect(personalDataGround(actor, facts({ status: 'accepted', sharesPersonalData: true }), now) !== null).toBe(
      expected[role][agency],
    );
  });

  it.each(['revoked', 'declined', 'completed'] as const)('the recipient of a %s referral loses access', (status) => {
    const health: Actor = { id: 'nurse', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' };
    expect(personalDataGround(health, facts({ status: 'accepted', sharesPersonalData: true }), now)).toBe(
      'active_referral',
    );
    expect(personalDataGround(health, facts({ status, sharesPersonalData: true }), now)).toBeNull();
    expect(mayReadCase(health, facts({ status, sharesPersonalData: true }))).toBe(false);
  });

  it("consent withdrawn with no legal basis left ends the recipients' access; the owner and coordinator keep theirs", () => {
    const withdrawn = { ...facts({ status: 'accepted', sharesPersonalData: true }), sharingBasis: false };
    expect(
      personalDataGround(
        { id: 'nurse', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' },
        withdrawn,
        now,
      ),
    ).toBeNull();
    expect(
      personalDataGround(
        { id: 'malee', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' },
        withdrawn,
        now,
      ),
    ).toBe('owning_agency');
    expect(
      personalDataGround({ id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' }, withdrawn, now),
    ).toBe('coordinator');
  });

  it('a referral that shares no personal data lets its recipient see the case, not the person', () => {
    const health: Actor = { id: 'nurse', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' };
    expect(mayReadCase(health, facts({ status: 'sent', sharesPersonalData: false }))).toBe(true);
    expect(personalDataGround(health, facts({ status: 'sent', sharesPersonalData: false }), now)).toBeNull();
  });

  it('an auditor sees personal data only under a reasoned grant of their own, while it lasts', () => {
    const auditor: Actor = { id: 'aud', agency: 'OAG', role: 'auditor', province: 'TH-27' };
    expect(mayReadCase(auditor, facts())).toBe(true);
    expect(personalDataGround(auditor, facts(undefined, '2019-05-02T05:00:00Z'), now)).toBe('audit_grant');
    expect(personalDataGround(auditor, facts(undefined, '2019-05-02T03:00:00Z'), now)).toBeNull();
  });

  it('the chair and viewers see no case at all, only dashboards', () => {
    for (const role of ['chair', 'viewer'] as const)
      expect(mayReadCase({ id: 'u', agency: 'SHELTER-SK', role, province: 'TH-27' }, facts())).toBe(false);
  });
});

describe('who may work a case', () => {
  it("the owning agency's officers and the coordinator; others not", () => {
    expect(() =>
      authoriseCaseCommand(
        { id: 'u', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' },
        'RecordScreening',
        { agency: 'SHELTER-SK', province: 'TH-27' },
        'c1',
      ),
    ).not.toThrow();
    expect(() =>
      authoriseCaseCommand(
        { id: 'u', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' },
        'RecordScreening',
        { agency: 'SHELTER-SK', province: 'TH-27' },
        'c1',
      ),
    ).not.toThrow();
    // Another agency's case is answered as an unknown one: 404, never a 403 that confirms it exists.
    expect(() =>
      authoriseCaseCommand(
        { id: 'u', agency: 'POL-SK', role: 'agency_officer', province: 'TH-27' },
        'RecordScreening',
        { agency: 'SHELTER-SK', province: 'TH-27' },
        'c1',
      ),
    ).toThrow(CaseNotFound);
    for (const role of ['chair', 'auditor', 'viewer'] as const)
      expect(() =>
        authoriseCaseCommand({ id: 'u', agency: 'SHELTER-SK', role, province: 'TH-27' }, 'OpenCase', null, 'c1'),
      ).toThrow(CaseNotPermitted);
  });
  it("erasure decisions are the coordinator's", () => {
    expect(() =>
      authoriseCaseCommand(
        { id: 'u', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' },
        'ErasePersonalData',
        { agency: 'SHELTER-SK', province: 'TH-27' },
        'c1',
      ),
    ).toThrow(CaseNotPermitted);
    expect(() =>
      authoriseCaseCommand(
        { id: 'u', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' },
        'RefuseErasure',
        { agency: 'SHELTER-SK', province: 'TH-27' },
        'c1',
      ),
    ).not.toThrow();
  });
});

describe("another province's case", () => {
  const inTrat = (role: Role, agency = 'SHELTER-SK'): Actor => ({ id: 'u', agency, role, province: 'TH-23' });
  const shared = facts({ status: 'accepted', sharesPersonalData: true });

  it('is unknown to every provincial role there, even the owning agency and the coordinator', () => {
    for (const role of ['coordinator', 'agency_officer', 'auditor', 'chair', 'viewer'] as const) {
      expect(mayReadCase(inTrat(role), shared)).toBe(false);
      expect(personalDataGround(inTrat(role), { ...shared, auditGrantUntil: '2019-05-03T00:00:00Z' }, now)).toBeNull();
    }
    expect(() =>
      authoriseCaseCommand(inTrat('coordinator'), 'RecordScreening', { agency: 'SHELTER-SK', province: 'TH-27' }, 'c1'),
    ).toThrow(CaseNotFound);
    expect(() =>
      authoriseCaseCommand(
        inTrat('coordinator'),
        'ErasePersonalData',
        { agency: 'SHELTER-SK', province: 'TH-27' },
        'c1',
      ),
    ).toThrow(CaseNotFound);
  });

  it("is read by the national auditor, without the person's data; other national roles read no case", () => {
    expect(mayReadCase(inTrat('national_auditor', 'OAG'), shared)).toBe(true);
    expect(personalDataGround(inTrat('national_auditor', 'OAG'), shared, now)).toBeNull();
    expect(mayReadCase(inTrat('secretariat', 'OAG'), shared)).toBe(false);
    expect(mayReadCase(inTrat('national_viewer', 'OAG'), shared)).toBe(false);
  });
});

describe('the access log of a case', () => {
  const spec = deciderSpec(accessLogDecider);
  const officer: Actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' };
  const auditor: Actor = { id: 'aud', agency: 'OAG', role: 'auditor', province: 'TH-27' };
  it('records who read the personal data, when, on what ground and why', () => {
    spec
      .given([])
      .when({
        type: 'RecordPersonalDataRead',
        data: { caseId: 'c-1', purpose: ' นัดตรวจสุขภาพ ', ground: 'owning_agency' },
        actor: officer,
        at: now,
      })
      .then([
        {
          type: 'PersonalDataRead',
          data: {
            caseId: 'c-1',
            actorId: 'malee.s',
            agency: 'SHELTER-SK',
            role: 'agency_officer',
            purpose: 'นัดตรวจสุขภาพ',
            ground: 'owning_agency',
            readAt: now.toISOString(),
          },
        },
      ]);
  });
  it('refuses a read without a purpose', () => {
    spec
      .given([])
      .when({
        type: 'RecordPersonalDataRead',
        data: { caseId: 'c-1', purpose: '', ground: 'owning_agency' },
        actor: officer,
        at: now,
      })
      .thenRefuses(PurposeRequired);
  });
  it('takes grants from auditors only, with a reason', () => {
    spec
      .given([])
      .when({
        type: 'GrantAuditAccess',
        data: { caseId: 'c-1', reason: 'ตรวจสอบเรื่องร้องเรียน', until: '2019-05-02T11:00:00.000Z' },
        actor: officer,
        at: now,
      })
      .thenRefuses(CaseNotPermitted);
    spec
      .given([])
      .when({
        type: 'GrantAuditAccess',
        data: { caseId: 'c-1', reason: '', until: '2019-05-02T11:00:00.000Z' },
        actor: auditor,
        at: now,
      })
      .thenRefuses(PurposeRequired);
    const state = accessLogDecider.evolve(accessLogDecider.initialState, {
      type: 'AuditAccessGranted',
      data: {
        caseId: 'c-1',
        auditorId: 'aud',
        agency: 'OAG',
        reason: 'r',
        grantedAt: now.toISOString(),
        until: '2019-05-02T11:00:00.000Z',
      },
    });
    expect(auditGrantUntil(state, 'aud')).toBe('2019-05-02T11:00:00.000Z');
    expect(auditGrantUntil(state, 'someone-else')).toBeNull();
  });
});

describe('a case of Chon Buri referred to an agency of Sa Kaeo', () => {
  const across = (sharesPersonalData: boolean, status: 'accepted' | 'completed' = 'accepted'): CaseAccessFacts => ({
    owningAgency: 'PSDHS-CB',
    province: 'TH-20',
    referrals: [{ toAgency: 'SHELTER-SK', toProvince: 'TH-27', status, sharesPersonalData }],
    auditGrantUntil: null,
    sharingBasis: true,
  });
  const shelter: Actor = { id: 'nok', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' };
  const saKaeo = (role: Role, agency = 'PSDHS-SK'): Actor => ({ id: role, agency, role, province: 'TH-27' });

  it("is read by the recipient agency's officers while the referral is active, as a local recipient reads it", () => {
    expect(mayReadCase(shelter, across(false))).toBe(true);
    expect(mayReadCase(shelter, across(false, 'completed'))).toBe(false);
  });

  it("gives the recipient the person's data only when the referral shares it", () => {
    expect(personalDataGround(shelter, across(true), now)).toBe('active_referral');
    expect(personalDataGround(shelter, across(false), now)).toBeNull();
    expect(personalDataGround(shelter, { ...across(true), sharingBasis: false }, now)).toBeNull();
  });

  it("is unknown to the recipient province's coordinator, auditors and other agencies", () => {
    for (const actor of [saKaeo('coordinator'), saKaeo('auditor'), saKaeo('agency_officer', 'POL-SK')]) {
      expect(mayReadCase(actor, across(true))).toBe(false);
      expect(personalDataGround(actor, across(true), now)).toBeNull();
    }
  });

  it("is not read in the recipient's name from a third province", () => {
    expect(mayReadCase({ ...shelter, province: 'TH-30' }, across(true))).toBe(false);
    expect(personalDataGround({ ...shelter, province: 'TH-30' }, across(true), now)).toBeNull();
  });
});
