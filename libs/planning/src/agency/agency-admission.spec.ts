import type { Actor } from '@ruamjai/kernel';
import type { AgencyState } from './agency.state';
import { ActorAgencyInactive, ActorAgencyNotRegistered, admitActorAgency } from './agency-admission';

const coordinator: Actor = { id: 'somchai', agency: 'NOPE-XX', role: 'coordinator', province: 'TH-27' };
const active: AgencyState = {
  status: 'active',
  code: 'NOPE-XX',
  nameTh: 'ทดสอบ',
  agencyType: 'other',
  districtCode: null,
};
const inactive: AgencyState = { ...active, status: 'inactive' };
const unknown: AgencyState = { status: 'unknown' };
const ordinary = { logEmpty: false, registersAgency: false };

describe('an actor acts for an agency of the directory', () => {
  it('admits an actor whose agency is registered and active', () => {
    expect(() => admitActorAgency(coordinator, active, ordinary)).not.toThrow();
  });
  it('refuses an actor whose agency was never registered, whatever the role', () => {
    expect(() => admitActorAgency(coordinator, unknown, ordinary)).toThrow(ActorAgencyNotRegistered);
    expect(() => admitActorAgency({ ...coordinator, role: 'agency_officer' }, unknown, ordinary)).toThrow(
      ActorAgencyNotRegistered,
    );
  });
  it('refuses an actor whose agency was deactivated', () => {
    expect(() => admitActorAgency(coordinator, inactive, ordinary)).toThrow(ActorAgencyInactive);
  });
  it('lets a coordinator register the first agency of an empty log', () => {
    expect(() => admitActorAgency(coordinator, unknown, { logEmpty: true, registersAgency: true })).not.toThrow();
  });
  it('lets no one else in on an empty log, nor a coordinator once the log has events', () => {
    expect(() =>
      admitActorAgency({ ...coordinator, role: 'agency_officer' }, unknown, { logEmpty: true, registersAgency: true }),
    ).toThrow(ActorAgencyNotRegistered);
    expect(() => admitActorAgency(coordinator, unknown, { logEmpty: true, registersAgency: false })).toThrow(
      ActorAgencyNotRegistered,
    );
    expect(() => admitActorAgency(coordinator, unknown, { logEmpty: false, registersAgency: true })).toThrow(
      ActorAgencyNotRegistered,
    );
  });
});
