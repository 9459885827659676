import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDate, formatDateTime, type Lang } from '../../format';
import type { Referral } from '../../referrals';
import { AgencyLabel, useAgencyNames } from '../../agencies';
import { referralColumn, StatusTag } from '../ReferralsPage';
import { CaseActionDialog, type Opened } from './CaseActionDialog';
import {
  caseActionsFor,
  consentRecords,
  mayFulfil,
  mayPledge,
  shortId,
  useCase,
  useCaseCommitments,
  useCaseHistory,
  type Commitment,
} from './cases';
import { amount, CaseStatusTag, CommitmentStatusTag, OverdueTag, StageTag } from './CaseTags';
import { PersonalDataDialog } from './PersonalDataDialog';
import { StageTimeline } from './StageTimeline';
import './cases.css';
import { districtName } from '../../districts';
import { RefreshFailed } from '../../RefreshFailed';
import { WideTable } from '../../WideTable';
import { useNow } from '../../clock';

const heading = (text: string) => (
  <Typography.Title level={2} className="case-card-heading">
    {text}
  </Typography.Title>
);

/**
 * One case without personal data: its NRM stage timeline, referrals, agencies' pledges, consent and
 * legal basis, and what the caller's role may do with it. The person's data is one deliberate,
 * logged step away ("show personal data").
 */
export default function CasePage({ caseId, navigate }: { caseId: string; navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const read = useCase(caseId);
  const found = read.data !== undefined;
  const history = useCaseHistory(caseId, found);
  const commitments = useCaseCommitments(caseId, found);
  const agencyName = useAgencyNames();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const now = useNow();

  if (read.isLoading) return <Skeleton active />;
  // An error replaces the page only when there is nothing to show; a failed refresh keeps the record on screen.
  if (!read.data || !user)
    return (
      <section>
        <BackLink navigate={navigate} />
        <Alert
          type="error"
          role="alert"
          style={{ marginTop: 12 }}
          title={read.error instanceof ApiError ? read.error.text(lang) : t('common.error')}
          data-testid="case-error"
        />
      </section>
    );
  const c = read.data.case;
  const agency = (code: string) => <AgencyLabel code={code} name={agencyName(code, lang)} />;
  const actions = caseActionsFor(c, user);
  const records = consentRecords(history.data ?? []);
  const open = (o: Opened) => {
    setDone(null);
    setOpened(o);
  };
  const identificationLate = c.identificationDueAt !== null && Date.parse(c.identificationDueAt) <= now;

  return (
    <section aria-labelledby="case-title">
      <BackLink navigate={navigate} />
      <Space
        wrap
        align="center"
        style={{ marginTop: 8, marginBottom: 8, justifyContent: 'space-between', width: '100%' }}
      >
        <Typography.Title level={1} id="case-title" style={{ fontSize: 22, margin: 0 }}>
          {t('cases.detailTitle', { id: shortId(c.caseId) })}
        </Typography.Title>
        <Button onClick={() => setRevealing(true)} data-testid="reveal-open" disabled={c.personalDataErased}>
          {t('cases.reveal.button')}
        </Button>
      </Space>
      <RefreshFailed error={read.error} />
      {done && (
        <Alert
          type="success"
          role="status"
          showIcon
          title={t(`cases.done.${done}`)}
          style={{ marginBottom: 12 }}
          data-testid="case-outcome"
        />
      )}

      <Card title={heading(t('cases.summary'))}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="case-detail">
          <Descriptions.Item label={t('cases.stage')}>
            <StageTag stage={c.stage} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.status')}>
            <CaseStatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.owningAgency')}>{agency(c.owningAgency)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.district')}>{districtName(c.districtCode, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.source')}>{t(`cases.sources.${c.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.ageGroup')}>{t(`cases.ageGroups.${c.ageGroup}`)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.foundOn')}>{formatDate(c.foundOn, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.openedAt')}>{formatDateTime(c.openedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.identification')}>
            {c.identification ? t(`cases.identifications.${c.identification}`) : t('cases.none')}
          </Descriptions.Item>
          {c.identificationDueAt && (
            <Descriptions.Item label={t('cases.identificationDue')}>
              {formatDateTime(c.identificationDueAt, lang)} {identificationLate && <OverdueTag />}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('cases.caseManager')}>{c.caseManagerId ?? t('cases.none')}</Descriptions.Item>
          {c.closedAt && (
            <Descriptions.Item label={t('cases.closedAt')}>{formatDateTime(c.closedAt, lang)}</Descriptions.Item>
          )}
          {c.closureOutcome && (
            <Descriptions.Item label={t('cases.closureOutcome')}>
              {t(`cases.closureOutcomes.${c.closureOutcome}`)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('cases.caseId')}>
            <code style={{ overflowWrap: 'anywhere' }}>{c.caseId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.revision')}>{c.revision}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={heading(t('cases.timelineTitle'))} className="case-card">
        <StageTimeline current={c} events={history.data ?? []} />
        {history.error && (
          <Alert
            type="warning"
            title={history.error instanceof ApiError ? history.error.text(lang) : t('common.error')}
          />
        )}
      </Card>

      <Card title={heading(t('cases.actionsTitle'))} className="case-card">
        {actions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="no-case-actions">
            {t('cases.noActions')}
          </Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'screening' || a === 'identification' || a === 'advance' ? 'primary' : 'default'}
                danger={a === 'close'}
                onClick={() => open({ kind: 'case', action: a, read: read.data })}
                data-testid={`case-action-${a}`}
              >
                {t(`cases.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Card title={heading(t('cases.consentTitle'))} className="case-card">
        <Typography.Paragraph type="secondary">{t('cases.consentHelp')}</Typography.Paragraph>
        <Descriptions column={1} size="small" data-testid="case-consent">
          <Descriptions.Item label={t('cases.consent')}>
            {c.consent
              ? t('cases.consentGiven', { date: formatDate(records.givenOn, lang) })
              : records.withdrawnOn
                ? t('cases.consentWithdrawn', { date: formatDate(records.withdrawnOn, lang) })
                : t('cases.consentNone')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.legalBasis')}>
            {c.legalBasis ? t(`cases.legalBases.${c.legalBasis}`) : t('cases.legalBasisNone')}
          </Descriptions.Item>
          {c.legalBasis && records.reference && (
            <Descriptions.Item label={t('cases.legalReference')}>{records.reference}</Descriptions.Item>
          )}
          {c.personalDataErased && (
            <Descriptions.Item label={t('cases.reveal.button')}>{t('cases.erased')}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card title={heading(t('cases.referralsTitle'))} className="case-card">
        <WideTable label={t('cases.referralsTitle')} minWidth={900}>
          <Table<Referral>
            rowKey="referralId"
            size="small"
            dataSource={c.referrals}
            pagination={false}
            locale={{ emptyText: t('cases.referralsEmpty') }}
            data-testid="case-referrals"
            columns={[
              referralColumn(t, navigate),
              { title: t('referrals.to'), dataIndex: 'toAgency', render: (code: string) => agencyName(code, lang) },
              {
                title: t('referrals.service'),
                dataIndex: 'service',
                render: (s: string) => t(`referrals.services.${s}`),
              },
              {
                title: t('referrals.statusLabel'),
                width: 220,
                render: (_, r) => (
                  <Space size={4} wrap>
                    <StatusTag referral={r} />
                    {r.escalatedAt && r.status === 'sent' && <Tag color="#8a3b00">{t('cases.escalated')}</Tag>}
                  </Space>
                ),
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
      </Card>

      <Card
        title={heading(t('cases.commitmentsTitle'))}
        className="case-card"
        extra={
          mayPledge(user) && c.status === 'open' ? (
            <Button onClick={() => open({ kind: 'pledge', read: read.data })} data-testid="case-action-pledge">
              {t('cases.actions.pledge')}
            </Button>
          ) : null
        }
      >
        {commitments.error && (
          <Alert
            type="error"
            role="alert"
            title={commitments.error instanceof ApiError ? commitments.error.text(lang) : t('common.error')}
            style={{ marginBottom: 12 }}
          />
        )}
        <WideTable label={t('cases.commitmentsTitle')} minWidth={900}>
          <Table<Commitment>
            rowKey="commitmentId"
            size="small"
            loading={commitments.isLoading}
            dataSource={commitments.data ?? []}
            pagination={false}
            locale={{ emptyText: t('cases.commitmentsEmpty') }}
            data-testid="case-commitments"
            columns={[
              { title: t('cases.agency'), dataIndex: 'agency', render: (code: string) => agencyName(code, lang) },
              { title: t('cases.resource'), dataIndex: 'resource', render: (r: string) => t(`cases.resources.${r}`) },
              { title: t('cases.quantity'), align: 'right', render: (_, x) => amount(x.resource, x.quantity, t) },
              { title: t('cases.fulfilled'), align: 'right', render: (_, x) => amount(x.resource, x.fulfilled, t) },
              { title: t('cases.dueOn'), dataIndex: 'dueOn', width: 120, render: (d: string) => formatDate(d, lang) },
              { title: t('cases.status'), width: 200, render: (_, x) => <CommitmentStatusTag commitment={x} /> },
              {
                title: <span className="visually-hidden">{t('cases.actionsTitle')}</span>,
                width: 150,
                render: (_, x) =>
                  mayFulfil(x, user) ? (
                    <Button
                      size="small"
                      onClick={() => open({ kind: 'fulfil', commitment: x, etag: `"${x.revision}"` })}
                      aria-label={t('cases.fulfilFor', {
                        resource: t(`cases.resources.${x.resource}`),
                        agency: agencyName(x.agency, lang),
                      })}
                      data-testid="fulfil"
                    >
                      {t('cases.actions.fulfil')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </WideTable>
      </Card>

      <CaseActionDialog opened={opened} onClose={() => setOpened(null)} onDone={(a) => (setOpened(null), setDone(a))} />
      <PersonalDataDialog caseId={c.caseId} open={revealing} onClose={() => setRevealing(false)} />
    </section>
  );
}

function BackLink({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useTranslation();
  return (
    <a href="#/cases" onClick={(e) => (e.preventDefault(), navigate('/cases'))}>
      ← {t('cases.back')}
    </a>
  );
}
