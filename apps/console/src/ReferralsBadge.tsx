import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOverdue, useReferralBox } from './referrals';

/**
 * Beside "การส่งต่อ" in the header, for those who answer referrals: how many referrals to the caller's agency wait for an answer, and
 * how many of those are overdue (red). The inbox query is the referral screen's own, so the live
 * stream's refresh moves the badge as soon as a referral arrives or is answered, without reloading.
 */
export function ReferralsBadge() {
  const { t } = useTranslation();
  const inbox = useReferralBox('inbox', 'open', true);
  const waiting = (inbox.data ?? []).filter((r) => r.status === 'sent');
  const overdue = waiting.filter((r) => isOverdue(r)).length;
  if (waiting.length === 0) return null;
  return (
    <span className="nav-badges" data-testid="referrals-badge" data-waiting={waiting.length} data-overdue={overdue}>
      <span className="visually-hidden">{t('nav.referralsWaiting', { count: waiting.length })}</span>
      <Badge count={waiting.length} overflowCount={99} size="small" color="#1f5fa8" aria-hidden />
      {overdue > 0 && (
        <>
          <span className="visually-hidden">{t('nav.referralsOverdue', { count: overdue })}</span>
          <Badge
            count={overdue}
            overflowCount={99}
            size="small"
            color="#b3261e"
            aria-hidden
            style={{ marginInlineStart: 4 }}
          />
        </>
      )}
    </span>
  );
}
