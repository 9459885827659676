import { mapProviderClaims, type ClaimMapping } from './provider-claims';

const mapping: ClaimMapping = {
  claims: { username: 'preferred_username', displayName: 'name', role: 'groups', agency: 'agency' },
  roleMap: [
    { value: 'ruamjai-coordinators', role: 'coordinator' },
    { value: 'ruamjai-officers', role: 'agency_officer' },
  ],
  agencyMap: undefined,
};

describe('the provider’s claims as a Ruamjai person', () => {
  it('takes username, name, role and agency from the configured claims', () => {
    expect(
      mapProviderClaims(
        {
          preferred_username: 'Kanya.S',
          name: 'กันยา ศรีสุข',
          groups: ['staff', 'ruamjai-coordinators'],
          agency: 'PSDHS-SK',
        },
        mapping,
      ),
    ).toEqual({
      kind: 'mapped',
      username: 'kanya.s',
      displayName: 'กันยา ศรีสุข',
      role: 'coordinator',
      agency: 'PSDHS-SK',
      province: null,
      providerValues: ['staff', 'ruamjai-coordinators'],
    });
  });

  it('takes the province from a province claim that names one, and none from anything else', () => {
    const person = { preferred_username: 'kanya.s', groups: ['ruamjai-coordinators'], agency: 'PSDHS-SK' };
    expect(mapProviderClaims({ ...person, province: 'TH-23' }, mapping)).toMatchObject({ province: 'TH-23' });
    expect(mapProviderClaims({ ...person, province: 'Trat' }, mapping)).toMatchObject({ province: null });
  });

  it('lets the first entry of the role map that the person holds decide, whatever order the provider lists groups in', () => {
    const person = {
      preferred_username: 'wichai',
      groups: ['ruamjai-officers', 'ruamjai-coordinators'],
      agency: 'IMM-SK',
    };
    expect(mapProviderClaims(person, mapping)).toMatchObject({ role: 'coordinator' });
  });

  it('finds the mapped group among however many groups the person holds, though only the first ones are recorded', () => {
    const groups = [...Array.from({ length: 80 }, (_, i) => `department-${i}`), 'ruamjai-officers'];
    const mapped = mapProviderClaims({ preferred_username: 'somsri', groups, agency: 'IMM-SK' }, mapping);
    expect(mapped).toMatchObject({ kind: 'mapped', role: 'agency_officer' });
    expect(mapped.providerValues.length).toBeLessThan(groups.length);
  });

  it('reads nested claims by a dotted path, and a single string as one value', () => {
    const nested = { ...mapping, claims: { ...mapping.claims, role: 'realm_access.roles' } };
    expect(
      mapProviderClaims(
        { preferred_username: 'wichai', realm_access: { roles: ['ruamjai-officers'] }, agency: 'IMM-SK' },
        nested,
      ),
    ).toMatchObject({ role: 'agency_officer', displayName: 'wichai' });
    expect(
      mapProviderClaims({ preferred_username: 'wichai', groups: 'ruamjai-officers', agency: 'IMM-SK' }, mapping),
    ).toMatchObject({ role: 'agency_officer' });
  });

  it('refuses a person in no mapped group, with no agency, or with no usable username, keeping what the provider said', () => {
    expect(mapProviderClaims({ preferred_username: 'dara', groups: ['canteen'], agency: 'PSDHS-SK' }, mapping)).toEqual(
      {
        kind: 'refused',
        reason: 'no_role',
        claimedUsername: 'dara',
        claimedAgency: 'PSDHS-SK',
        providerValues: ['canteen'],
      },
    );
    expect(mapProviderClaims({ preferred_username: 'dara', groups: ['ruamjai-officers'] }, mapping)).toMatchObject({
      kind: 'refused',
      reason: 'no_agency',
    });
    expect(
      mapProviderClaims(
        { preferred_username: 'dara', groups: ['ruamjai-officers'], agency: 'immigration office' },
        mapping,
      ),
    ).toMatchObject({ kind: 'refused', reason: 'no_agency' });
    expect(
      mapProviderClaims({ preferred_username: 'ดารา', groups: ['ruamjai-officers'], agency: 'IMM-SK' }, mapping),
    ).toMatchObject({ kind: 'refused', reason: 'invalid_username' });
    expect(mapProviderClaims({ groups: ['ruamjai-officers'], agency: 'IMM-SK' }, mapping)).toMatchObject({
      kind: 'refused',
      reason: 'invalid_username',
      claimedUsername: null,
    });
  });

  it('maps provider values to agency codes when an agency map is given, and nothing outside it', () => {
    const mapped = {
      ...mapping,
      claims: { ...mapping.claims, agency: 'groups' },
      agencyMap: [{ value: 'sakaeo-immigration', agency: 'IMM-SK' }],
    };
    expect(
      mapProviderClaims({ preferred_username: 'wichai', groups: ['ruamjai-officers', 'sakaeo-immigration'] }, mapped),
    ).toMatchObject({ agency: 'IMM-SK' });
    expect(
      mapProviderClaims({ preferred_username: 'wichai', groups: ['ruamjai-officers', 'IMM-SK'] }, mapped),
    ).toMatchObject({ kind: 'refused', reason: 'no_agency' });
  });

  it('does not walk into the prototype of the claims', () => {
    const hostile = { ...mapping, claims: { ...mapping.claims, role: 'constructor.name' } };
    expect(mapProviderClaims({ preferred_username: 'dara', agency: 'IMM-SK' }, hostile)).toMatchObject({
      kind: 'refused',
      reason: 'no_role',
      providerValues: [],
    });
  });
});
