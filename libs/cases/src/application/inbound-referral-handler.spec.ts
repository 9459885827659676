import { InvalidMessage } from '@ruamjai/messaging';
import { InboundReferralHandler } from './inbound-referral-handler';

// Parsing and dead-letter redaction are pure: they touch neither the bus nor the store.
const handler = new InboundReferralHandler(undefined as never, undefined as never);
const data = {
  fromAgency: 'HOTLINE-1300',
  toAgency: 'SHELTER-SK',
  source: 'hotline_1300',
  districtCode: '2706',
  foundOn: '2019-05-01',
  ageGroup: 'child',
  service: 'shelter',
  urgency: 'urgent',
  person: {
    givenName: 'Sokha (fictional)',
    familyName: 'Example',
    otherNames: ['Kha'],
    dateOfBirth: '2008-01-02',
    sex: 'female',
    nationality: 'KHM',
    languages: ['km'],
    contact: { phone: '0800000001' },
    identityDocuments: [{ kind: 'birth_certificate', number: 'FICT-BC-9' }],
    notes: 'fictional',
    favouriteColour: 'blue',
  },
  consentGivenOn: '2019-05-01',
  legalBasis: null,
};

describe('an inbound referral message', () => {
  it('keeps every field of the person the case takes, and nothing else', () => {
    const parsed = handler.parse({ id: 'm-1', data });
    const { favouriteColour: _dropped, ...person } = data.person;
    expect(parsed.person).toEqual(person);
    expect(parsed).toMatchObject({
      fromAgency: 'HOTLINE-1300',
      toAgency: 'SHELTER-SK',
      consentGivenOn: '2019-05-01',
      legalBasis: null,
      urgency: 'urgent',
    });
  });

  it('is refused, naming the field and never its value, when a rule is broken', () => {
    const cases: Array<[object, string]> = [
      [{ ...data, person: { ...data.person, givenName: '' } }, 'person.givenName'],
      [{ ...data, person: { ...data.person, dateOfBirth: '02/01/2008' } }, 'person.dateOfBirth'],
      [{ ...data, service: 'massage' }, 'service'],
      [{ ...data, toAgency: 'shelter sk' }, 'toAgency'],
      [{ ...data, consentGivenOn: null, legalBasis: null }, 'consentGivenOn'],
      [
        { ...data, person: { ...data.person, identityDocuments: [{ kind: 'passport', number: '' }] } },
        'person.identityDocuments[0].number',
      ],
    ];
    for (const [bad, field] of cases) {
      let error: unknown;
      try {
        handler.parse({ id: 'm', data: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidMessage);
      expect((error as InvalidMessage).message).toContain(`data.${field}`);
      expect((error as InvalidMessage).message).not.toMatch(/Sokha|FICT-BC-9|02\/01\/2008|massage/);
    }
  });

  it('leaves the dead-letter topic only its routing fields, never free text or a field it does not know', () => {
    const message = {
      id: 'm-2',
      type: 'referral.inbound.v1',
      data: {
        ...data,
        fromAgency: 'HOTLINE-1300',
        legalBasis: { basis: 'vital_interest', reference: 'Sokha called from 0800000001 at the border' },
        remarks: 'Sokha, 16, at the Aranyaprathet market',
        service: 'Sokha needs a shelter',
      },
      callerName: 'Sokha',
    };
    const kept = JSON.parse(handler.deadLetterValue(Buffer.from(JSON.stringify(message)))!.toString());
    expect(kept).toEqual({
      id: 'm-2',
      type: 'referral.inbound.v1',
      // A routing field that is not a routing value (here free text in service) is not kept either.
      data: { fromAgency: 'HOTLINE-1300', toAgency: 'SHELTER-SK', service: null, urgency: 'urgent' },
      withheld: expect.any(String),
    });
    expect(JSON.stringify(kept)).not.toMatch(/Sokha|0800000001|Aranyaprathet|vital_interest|2706|2019-05-01/);
    expect(
      handler
        .deadLetterValue(Buffer.from(JSON.stringify({ id: 'Sokha Example at the border', data: 'x' })))!
        .toString(),
    ).not.toContain('Sokha');
  });

  it('leaves the dead-letter topic the routing, not the person', () => {
    const kept = handler.deadLetterValue(Buffer.from(JSON.stringify({ id: 'm-1', data })))!.toString();
    expect(kept).toContain('SHELTER-SK');
    expect(kept).not.toMatch(/Sokha|FICT-BC-9|0800000001/);
    expect(handler.deadLetterValue(Buffer.from('{not json Sokha'))).toBeNull();
  });
});
