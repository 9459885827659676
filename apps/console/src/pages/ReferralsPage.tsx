import { Alert, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useAuth } from '../auth';
import { formatDateTime, type Lang } from '../format';
import { useAgencyNames } from '../agencies';
import {
  canSeeEscalations,
  isCrossProvince,
  isOverdue,
  shortId,
  useReferralBox,
  type Box,
  type Referral,
} from '../referrals';
import { provinceNameThaiFirst } from '../districts';
import { WideTable } from '../WideTable';
import { ShortIdLink } from '../ShortIdLink';

/** The referral's short id as a link to its page: the first column wherever referrals are listed. */
export function referralColumn(t: TFunction, navigate: (path: string) => void) {
  return {
    title: t('referrals.referral'),
    dataIndex: 'referralId',
    width: 105,
    render: (id: string) => <ShortIdLink kind="referrals" id={id} navigate={navigate} />,
  };
}

export function StatusTag({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  // Dark hues: antd draws a hex colour as a pale tint with the colour as text, which then keeps 4.5:1 (the cyan preset did not).
  const colour = {
    sent: '#1f5fa8',
    accepted: '#0b6767',
    in_progress: '#3b3fa0',
    completed: '#2e6b30',
    declined: '#595959',
    revoked: '#595959',
  }[referral.status];
  return (
    <Space size={4} wrap>
      <Tag color={colour} data-testid="referral-status">
        {t(`referrals.status.${referral.status}`)}
      </Tag>
      {isOverdue(referral) && (
        <Tag color="#b3261e" data-testid="overdue-tag">
          {t('referrals.overdue')}
        </Tag>
      )}
    </Space>
  );
}

/** Where a cross-province referral goes, Thai names first; nothing for a local one (the common case). */
export function CrossProvince({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (!isCrossProvince(referral)) return null;
  return (
    <Space size={4} wrap data-testid="referral-provinces">
      <span>
        {t('referrals.crossProvince', {
          from: provinceNameThaiFirst(referral.province, lang),
          to: provinceNameThaiFirst(referral.toProvince, lang),
        })}
      </span>
      {referral.direction !== 'local' && <Tag>{t(`referrals.direction.${referral.direction}`)}</Tag>}
    </Space>
  );
}

export function UrgencyTag({ urgency }: { urgency: Referral['urgency'] }) {
  const { t } = useTranslation();
  return urgency === 'urgent' ? (
    <Tag color="#8a3b00">{t('referrals.urgency.urgent')}</Tag>
  ) : (
    <span>{t('referrals.urgency.normal')}</span>
  );
}

function ReferralTable({ box, navigate }: { box: Box; navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, setState] = useState<'open' | 'overdue' | 'all'>('open');
  const list = useReferralBox(box, state, true);
  const crossProvince = (list.data ?? []).some(isCrossProvince);
  const agencyName = useAgencyNames();
  return (
    <>
      {box !== 'escalations' && (
        <Radio.Group
          value={state}
          onChange={(e) => setState(e.target.value as typeof state)}
          optionType="button"
          aria-label={t('referrals.filter')}
          style={{ marginBottom: 12 }}
          options={(['open', 'overdue', 'all'] as const).map((s) => ({ value: s, label: t(`referrals.state.${s}`) }))}
        />
      )}
      {box === 'escalations' && (
        <Typography.Paragraph type="secondary">{t('referrals.escalationsHelp')}</Typography.Paragraph>
      )}
      {list.error && (
        <Alert
          type="error"
          role="alert"
          title={list.error instanceof ApiError ? list.error.text(lang) : t('common.error')}
          style={{ marginBottom: 12 }}
        />
      )}
      {/* The provinces' column only when a referral of the list crosses provinces: empty, it squeezed the agencies' names. */}
      <WideTable label={t('referrals.title')} minWidth={crossProvince ? 1300 : 1100}>
        <Table<Referral>
          rowKey="referralId"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t(`referrals.empty.${box}`) }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid={`referrals-${box}`}
          columns={[
            referralColumn(t, navigate),
            {
              title: t('referrals.case'),
              dataIndex: 'caseId',
              width: 105,
              render: (id: string) => <code>{shortId(id)}</code>,
            },
            // The name alone in the table (the code is on the referral's page): the row stays short.
            { title: t('referrals.from'), dataIndex: 'fromAgency', render: (c: string) => agencyName(c, lang) },
            { title: t('referrals.to'), dataIndex: 'toAgency', render: (c: string) => agencyName(c, lang) },
            ...(crossProvince
              ? [
                  {
                    title: t('referrals.provinces'),
                    width: 200,
                    render: (_: unknown, r: Referral) => <CrossProvince referral={r} />,
                  },
                ]
              : []),
            {
              title: t('referrals.service'),
              dataIndex: 'service',
              render: (s: string) => t(`referrals.services.${s}`),
            },
            {
              title: t('referrals.urgencyLabel'),
              dataIndex: 'urgency',
              width: 120,
              render: (u: Referral['urgency']) => <UrgencyTag urgency={u} />,
            },
            { title: t('referrals.statusLabel'), width: 160, render: (_, r) => <StatusTag referral={r} /> },
            {
              title: t('referrals.sentAt'),
              dataIndex: 'sentAt',
              width: 165,
              render: (d: string) => formatDateTime(d, lang),
            },
            {
              title: t('referrals.dueAt'),
              dataIndex: 'dueAt',
              width: 165,
              render: (d: string) => formatDateTime(d, lang),
            },
          ]}
        />
      </WideTable>
    </>
  );
}

/** Referrals to the caller's agency, from it, and for the secretariat and auditors the overdue ones escalated to them. */
export default function ReferralsPage({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [tab, setTab] = useState<Box>('inbox');
  if (!user) return null;
  const boxes: Box[] = canSeeEscalations(user.role) ? ['inbox', 'outbox', 'escalations'] : ['inbox', 'outbox'];
  return (
    <section aria-labelledby="referrals-title">
      <Typography.Title level={1} id="referrals-title" style={{ fontSize: 24 }}>
        {t('referrals.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('referrals.intro', { agency: user.agency })}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Box)}
        destroyOnHidden
        items={boxes.map((b) => ({
          key: b,
          label: t(`referrals.tabs.${b}`),
          children: <ReferralTable box={b} navigate={navigate} />,
        }))}
      />
    </section>
  );
}
