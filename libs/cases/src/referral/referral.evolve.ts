import type { ReferralEvent } from './referral.events';
import type { ReferralState } from './referral.state';

export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralSent') {
    const d = event.data;
    return {
      status: 'sent',
      referralId: d.referralId,
      caseId: d.caseId,
      fromAgency: d.fromAgency,
      toAgency: d.toAgency,
      urgency: d.urgency,
      dueAt: d.dueAt,
      sharesPersonalData: d.sharesPersonalData,
      overdue: false,
      province: d.province ?? null,
      toProvince: d.toProvince ?? d.province ?? null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReferralAccepted':
      return { ...state, status: 'accepted' };
    case 'ReferralDeclined':
      return { ...state, status: 'declined' };
    case 'ReferralServiceStarted':
      return { ...state, status: 'in_progress' };
    case 'ReferralCompleted':
      return { ...state, status: 'completed' };
    case 'ReferralRevoked':
      return { ...state, status: 'revoked' };
    case 'ReferralOverdue':
      return { ...state, overdue: true };
    case 'ReferralEscalated':
      return state;
    default: {
      const _: never = event;
      return state;
    }
  }
}
