import type { RecordedEvent } from './event-store.port';
import { matchesFilter } from './subscription-filter';

const event = (streamId: string, type: string): RecordedEvent => ({
  streamId,
  id: '00000000-0000-4000-8000-000000000000',
  revision: 0n,
  type,
  data: {},
  metadata: {},
  created: new Date(0),
  position: 1n,
});

const planDrafted = event('plan-1', 'PlanDrafted');
const referralSent = event('referral-7', 'ReferralSent');
const metadataSet = event('$$plan-1', '$metadata');

describe('a subscription filter', () => {
  it('passes every event but system events when there is no filter', () => {
    expect(matchesFilter(planDrafted, undefined)).toBe(true);
    expect(matchesFilter(metadataSet, undefined)).toBe(false);
  });

  it('leaves out system events unless asked to keep them', () => {
    expect(matchesFilter(metadataSet, {})).toBe(false);
    expect(matchesFilter(metadataSet, { excludeSystemEvents: true })).toBe(false);
    expect(matchesFilter(metadataSet, { excludeSystemEvents: false })).toBe(true);
    expect(matchesFilter(planDrafted, { excludeSystemEvents: false })).toBe(true);
  });

  it('treats empty lists of prefixes as no condition', () => {
    expect(matchesFilter(planDrafted, { eventTypePrefixes: [], streamPrefixes: [] })).toBe(true);
  });

  it('keeps an event whose type starts with any of the prefixes', () => {
    const filter = { eventTypePrefixes: ['Referral', 'Plan'] };
    expect(matchesFilter(planDrafted, filter)).toBe(true);
    expect(matchesFilter(referralSent, filter)).toBe(true);
    expect(matchesFilter(planDrafted, { eventTypePrefixes: ['Referral'] })).toBe(false);
  });

  it('keeps an event whose type matches the regular expression', () => {
    expect(matchesFilter(planDrafted, { eventTypeRegex: 'Draft' })).toBe(true);
    expect(matchesFilter(planDrafted, { eventTypeRegex: '^Referral' })).toBe(false);
  });

  it('keeps an event whose stream starts with any of the prefixes', () => {
    const filter = { streamPrefixes: ['case-', 'referral-'] };
    expect(matchesFilter(referralSent, filter)).toBe(true);
    expect(matchesFilter(planDrafted, filter)).toBe(false);
  });

  it('keeps an event whose stream matches the regular expression', () => {
    expect(matchesFilter(planDrafted, { streamRegex: '^plan-\\d+$' })).toBe(true);
    expect(matchesFilter(referralSent, { streamRegex: '^plan-' })).toBe(false);
  });

  it('asks every condition it is given: one that fails is enough to leave the event out', () => {
    const filter = {
      eventTypePrefixes: ['Plan'],
      eventTypeRegex: 'Drafted',
      streamPrefixes: ['plan-'],
      streamRegex: '1$',
    };
    expect(matchesFilter(planDrafted, filter)).toBe(true);
    expect(matchesFilter(planDrafted, { ...filter, eventTypePrefixes: ['Case'] })).toBe(false);
    expect(matchesFilter(planDrafted, { ...filter, eventTypeRegex: 'Approved' })).toBe(false);
    expect(matchesFilter(planDrafted, { ...filter, streamPrefixes: ['case-'] })).toBe(false);
    expect(matchesFilter(planDrafted, { ...filter, streamRegex: '2$' })).toBe(false);
  });
});
