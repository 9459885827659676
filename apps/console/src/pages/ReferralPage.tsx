import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useAuth } from '../auth';
import { formatDateTime, type Lang } from '../format';
import { noteWrittenPosition } from '../live';
import {
  actionsFor,
  answerReferral,
  isCrossProvince,
  isStale,
  OUTCOMES,
  readReferral,
  shortId,
  useReferral,
  type Referral,
  type ReferralAction,
  type ReferralOutcome,
} from '../referrals';
import { AgencyLabel, useAgencyNames } from '../agencies';
import { StatusTag, UrgencyTag } from './ReferralsPage';
import { provinceNameThaiFirst } from '../districts';
import { RefreshFailed } from '../RefreshFailed';

/** An action the user opened: the referral as it was then, and the ETag its answer carries. */
interface Opened {
  readonly action: ReferralAction;
  readonly etag: string;
  readonly referral: Referral;
}
/** The referral when the API refused the answer as stale, beside the one the user acted on. */
interface Conflict {
  readonly opened: Referral;
  readonly now: Referral;
  readonly etag: string;
  readonly stillAllowed: boolean;
}

interface Answer {
  reason?: string;
  outcome?: ReferralOutcome;
}

const NEEDS_REASON: readonly ReferralAction[] = ['decline', 'revoke'];

/**
 * One referral: who sent which service to whom, its status and times (never the person), and the
 * answers the caller's agency and role may give in its status. Each answer opens a dialog that keeps
 * the ETag the referral was read with; a 412 shows what changed meanwhile, and the answer is sent
 * again only if it still makes sense on the referral as it is now.
 */
export default function ReferralPage({
  referralId,
  navigate,
}: {
  referralId: string;
  navigate: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const client = useQueryClient();
  const read = useReferral(referralId);
  const agencyName = useAgencyNames();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [done, setDone] = useState<ReferralAction | null>(null);
  const [form] = Form.useForm<Answer>();

  const send = useMutation({
    mutationFn: ({ action, etag, answer }: { action: ReferralAction; etag: string; answer: Answer }) =>
      answerReferral(referralId, action, etag, answer),
    onSuccess: async (answer, { action }) => {
      noteWrittenPosition(answer.position);
      setOpened(null);
      setConflict(null);
      setDone(action);
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['referral', referralId] });
      await client.invalidateQueries({ queryKey: ['referrals'] });
    },
    onError: async (error, { action }) => {
      if (!isStale(error) || !opened || !user) return;
      // The referral as it is now, straight from the API (not the cache, which may have moved or not).
      const now = await readReferral(referralId, { fresh: true });
      setConflict({
        opened: opened.referral,
        now: now.referral,
        etag: now.etag,
        stillAllowed: actionsFor(now.referral, user).includes(action),
      });
      client.setQueryData(['referral', referralId], now);
    },
  });

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
        />
      </section>
    );
  const { referral: r, etag } = read.data;
  const actions = actionsFor(r, user);

  const open = (action: ReferralAction) => {
    send.reset();
    setDone(null);
    form.resetFields();
    setOpened({ action, etag, referral: r });
  };
  const submit = (answer: Answer) => opened && send.mutate({ action: opened.action, etag: opened.etag, answer });
  const takeCurrent = () => {
    setConflict(null);
    setOpened(null);
    send.reset();
    void client.invalidateQueries({ queryKey: ['referral', referralId] });
  };
  const again = () => {
    if (!conflict || !opened) return;
    setOpened({ ...opened, etag: conflict.etag, referral: conflict.now });
    send.mutate({ action: opened.action, etag: conflict.etag, answer: form.getFieldsValue(true) as Answer });
  };

  const otherError = send.error && !isStale(send.error);
  const agency = (code: string) => <AgencyLabel code={code} name={agencyName(code, lang)} />;
  return (
    <section aria-labelledby="referral-title">
      <BackLink navigate={navigate} />
      <Typography.Title level={1} id="referral-title" style={{ fontSize: 22, marginTop: 8 }}>
        {t('referrals.detailTitle', { id: shortId(r.referralId) })}
      </Typography.Title>
      <RefreshFailed error={read.error} />
      {done && (
        <Alert
          type="success"
          role="status"
          showIcon
          title={t(`referrals.done.${done}`)}
          style={{ marginBottom: 12 }}
          data-testid="referral-outcome"
        />
      )}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="referral-detail">
          <Descriptions.Item label={t('referrals.statusLabel')}>
            <StatusTag referral={r} />
          </Descriptions.Item>
          <Descriptions.Item label={t('referrals.service')}>{t(`referrals.services.${r.service}`)}</Descriptions.Item>
          <Descriptions.Item label={t('referrals.from')}>{agency(r.fromAgency)}</Descriptions.Item>
          <Descriptions.Item label={t('referrals.to')}>{agency(r.toAgency)}</Descriptions.Item>
          {isCrossProvince(r) && (
            <Descriptions.Item label={t('referrals.fromProvince')}>
              <span data-testid="referral-from-province">{provinceNameThaiFirst(r.province, lang)}</span>
            </Descriptions.Item>
          )}
          {isCrossProvince(r) && (
            <Descriptions.Item label={t('referrals.toProvince')}>
              <span data-testid="referral-to-province">{provinceNameThaiFirst(r.toProvince, lang)}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('referrals.urgencyLabel')}>
            <UrgencyTag urgency={r.urgency} />
          </Descriptions.Item>
          <Descriptions.Item label={t('referrals.personalData')}>
            {t(r.sharesPersonalData ? 'referrals.sharesPersonalData' : 'referrals.noPersonalData')}
          </Descriptions.Item>
          <Descriptions.Item label={t('referrals.sentAt')}>{formatDateTime(r.sentAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('referrals.dueAt')}>{formatDateTime(r.dueAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('referrals.acceptedAt')}>
            {formatDateTime(r.acceptedAt as unknown as string | null, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('referrals.finishedAt')}>
            {formatDateTime(r.finishedAt as unknown as string | null, lang)}
          </Descriptions.Item>
          {r.outcome && (
            <Descriptions.Item label={t('referrals.outcomeLabel')}>
              {t(`referrals.outcomes.${r.outcome}`)}
            </Descriptions.Item>
          )}
          {r.escalatedAt && (
            <Descriptions.Item label={t('referrals.escalatedAt')}>
              {formatDateTime(r.escalatedAt as unknown as string, lang)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('referrals.referralId')}>
            <code style={{ overflowWrap: 'anywhere' }}>{r.referralId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('referrals.caseId')}>
            {/* Another province's case: its people oversee the referral, only the recipient agency sees the case. */}
            {r.direction === 'incoming' && user?.agency !== r.toAgency ? (
              <div>
                <code style={{ overflowWrap: 'anywhere' }}>{r.caseId}</code>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="case-elsewhere">
                  {t('referrals.caseElsewhere', { province: provinceNameThaiFirst(r.province, lang) })}
                </Typography.Paragraph>
              </div>
            ) : (
              <a
                href={`#/cases/${r.caseId}`}
                onClick={(e) => (e.preventDefault(), navigate(`/cases/${r.caseId}`))}
                aria-label={t('cases.openLabel', { id: shortId(r.caseId) })}
              >
                <code style={{ overflowWrap: 'anywhere' }}>{r.caseId}</code>
              </a>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('referrals.revision')}>{r.revision}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
            {t('referrals.actionsTitle')}
          </Typography.Title>
        }
        style={{ marginTop: 16 }}
      >
        {actions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="no-actions">
            {t('referrals.noActions')}
          </Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'accept' || a === 'start' || a === 'complete' ? 'primary' : 'default'}
                danger={a === 'revoke'}
                onClick={() => open(a)}
                data-testid={`action-${a}`}
              >
                {t(`referrals.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Modal
        open={opened !== null && conflict === null}
        title={opened ? t(`referrals.confirm.${opened.action}`, { id: shortId(r.referralId) }) : ''}
        onCancel={() => setOpened(null)}
        okText={opened ? t(`referrals.actions.${opened.action}`) : ''}
        cancelText={t('edit.cancel')}
        okButtonProps={{
          danger: opened?.action === 'revoke' || opened?.action === 'decline',
          'data-testid': 'action-confirm',
        }}
        onOk={() => form.submit()}
        confirmLoading={send.isPending}
      >
        {otherError && (
          <Alert
            type="error"
            role="alert"
            title={send.error instanceof ApiError ? send.error.text(lang) : t('common.error')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          name="answer-referral"
          onFinish={submit}
          initialValues={{ outcome: 'service_provided' }}
        >
          {opened && <Typography.Paragraph>{t(`referrals.explain.${opened.action}`)}</Typography.Paragraph>}
          {opened && NEEDS_REASON.includes(opened.action) && (
            <Form.Item
              label={t('referrals.reason')}
              name="reason"
              extra={t('referrals.reasonHelp')}
              rules={[
                { required: true, whitespace: true, message: t('referrals.reasonRequired') },
                { min: 3, max: 2000, message: t('edit.length', { min: 3, max: 2000 }) },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {opened?.action === 'complete' && (
            <Form.Item
              label={t('referrals.outcomeLabel')}
              name="outcome"
              rules={[{ required: true, message: t('edit.required') }]}
            >
              <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`referrals.outcomes.${o}`) }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal
        open={conflict !== null}
        title={t('referrals.conflictTitle')}
        onCancel={takeCurrent}
        width={680}
        footer={
          <Space wrap>
            <Button onClick={takeCurrent} type={conflict?.stillAllowed ? 'default' : 'primary'}>
              {t('edit.takeCurrent')}
            </Button>
            {conflict?.stillAllowed && opened && (
              <Button type="primary" onClick={again} loading={send.isPending}>
                {t('referrals.again', { action: t(`referrals.actions.${opened.action}`) })}
              </Button>
            )}
          </Space>
        }
      >
        {conflict && opened && (
          <div data-testid="conflict-dialog">
            <Typography.Paragraph>
              {t('referrals.conflictIntro', { action: t(`referrals.actions.${opened.action}`) })}
            </Typography.Paragraph>
            <Table
              rowKey="field"
              size="small"
              pagination={false}
              dataSource={[
                {
                  field: 'status',
                  opened: <StatusTag referral={conflict.opened} />,
                  now: <StatusTag referral={conflict.now} />,
                },
                { field: 'revision', opened: conflict.opened.revision, now: conflict.now.revision },
              ]}
              columns={[
                {
                  title: t('edit.field'),
                  dataIndex: 'field',
                  render: (f: string) => t(f === 'status' ? 'referrals.statusLabel' : 'referrals.revision'),
                },
                { title: t('referrals.whenOpened'), dataIndex: 'opened' },
                { title: t('edit.now'), dataIndex: 'now' },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {conflict.stillAllowed ? t('referrals.conflictStillAllowed') : t('referrals.conflictNotAllowed')}
            </Typography.Paragraph>
            {send.isError && !isStale(send.error) && (
              <Alert
                type="error"
                role="alert"
                title={send.error instanceof ApiError ? send.error.text(lang) : t('common.error')}
              />
            )}
          </div>
        )}
      </Modal>
    </section>
  );
}

function BackLink({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useTranslation();
  return (
    <a href="#/referrals" onClick={(e) => (e.preventDefault(), navigate('/referrals'))}>
      ← {t('referrals.back')}
    </a>
  );
}
