import { Button, Card, Descriptions, Form, Input, Space, Steps, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth';
import { fiscalYearLabel, formatDate, formatDateTime } from '../../format';
import { CommandModal, useWorkspaceText } from './CommandModal';
import { BeDateItem, TextItem } from './fields';
import { permissions, type CommandAnswer, type Plan } from './model';
import { beDateRules, beToIso, LIMITS, MEETING_REFERENCE, reasonRules, textRules } from './rules';
import { watchers } from './watch';

type Lifecycle = 'submit' | 'return' | 'approve' | 'close';

/** Each status its own light fill, with dark text that keeps WCAG AA contrast (Ant Design's preset colours do not). */
const STATUS_FILLS: Record<Plan['status'], [string, string]> = {
  drafting: ['#f5f5f5', '#bfbfbf'],
  submitted: ['#e6f4ff', '#69b1ff'],
  approved: ['#f6ffed', '#73d13d'],
  amended: ['#fffbe6', '#ffc53d'],
  closed: ['#f9f0ff', '#b37feb'],
};

export function StatusTag({
  status,
  children,
  testId,
}: {
  status: Plan['status'];
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useWorkspaceText();
  const [background, border] = STATUS_FILLS[status];
  return (
    <Tag data-testid={testId} style={{ color: '#1f1f1f', background, borderColor: border, verticalAlign: 'middle' }}>
      {children ?? t(`status.${status}`)}
    </Tag>
  );
}

/**
 * The plan's status, edition and revision, its approvals (with the subcommittee's meeting) and
 * amendments (with their reasons), and the lifecycle steps the signed-in person's role may take now.
 */
export function PlanStatusCard({ plan }: { plan: Plan }) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const [open, setOpen] = useState<Lifecycle | null>(null);
  if (!user) return null;
  const may = permissions(user, plan);
  const step = { drafting: 0, submitted: 1, approved: 2, amended: 2, closed: 3 }[plan.status];
  const actions: Array<{ key: Lifecycle; allowed: boolean; primary?: boolean; danger?: boolean }> = [
    { key: 'submit', allowed: may.submit, primary: true },
    { key: 'approve', allowed: may.approve, primary: true },
    { key: 'return', allowed: may.return, danger: true },
    { key: 'close', allowed: may.close },
  ];
  const allowed = actions.filter((a) => a.allowed);
  return (
    <Card title={<h2 className="card-heading">{w('status.title')}</h2>} data-testid="plan-status">
      <Steps
        size="small"
        type="dot"
        titlePlacement="vertical"
        current={step}
        status={plan.status === 'amended' ? 'process' : undefined}
        items={[
          { title: t('status.drafting') },
          { title: t('status.submitted') },
          { title: plan.status === 'amended' ? t('status.amended') : t('status.approved') },
          { title: t('status.closed') },
        ]}
        style={{ marginBottom: 16 }}
        aria-label={w('status.steps')}
      />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('plans.fiscalYear')}>{fiscalYearLabel(plan.fiscalYear, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('plans.status')}>
          <StatusTag status={plan.status} testId="plan-status-tag" />
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.edition')}>
          <span data-testid="plan-edition">{plan.edition}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.revision')}>{plan.revision}</Descriptions.Item>
        {plan.submittedAt && (
          <Descriptions.Item label={w('status.submittedAt')}>
            {formatDateTime(plan.submittedAt, lang)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {plan.approvals.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }}>
            {w('status.approvals')}
          </Typography.Title>
          <ul className="plain-list" data-testid="plan-approvals">
            {plan.approvals.map((a) => (
              <li key={a.revision}>
                {w('status.approval', {
                  edition: a.edition,
                  meeting: a.meetingReference,
                  date: formatDate(a.meetingDate, lang),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.amendments.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }}>
            {w('status.amendments')}
          </Typography.Title>
          <ul className="plain-list" data-testid="plan-amendments">
            {plan.amendments.map((a) => (
              <li key={a.revision}>
                {w('status.amendment', { edition: a.edition, reason: a.reason, at: formatDateTime(a.amendedAt, lang) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.closure && (
        <Typography.Paragraph>
          {w('status.closure', {
            summary: plan.closure.resultsSummary,
            at: formatDateTime(plan.closure.closedAt, lang),
          })}
        </Typography.Paragraph>
      )}
      {plan.status === 'amended' && (
        <Typography.Paragraph type="secondary">{w('status.amendedHelp')}</Typography.Paragraph>
      )}
      {allowed.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {allowed.map((a) => (
            <Button
              key={a.key}
              type={a.primary ? 'primary' : 'default'}
              danger={a.danger}
              onClick={() => setOpen(a.key)}
            >
              {w(`lifecycle.${a.key}.button`)}
            </Button>
          ))}
        </Space>
      )}
      {open && <LifecycleDialog key={open} plan={plan} action={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

interface LifecycleValues {
  reason?: string;
  meetingReference?: string;
  meetingDate?: string;
  resultsSummary?: string;
}

function LifecycleDialog({ plan, action, onClose }: { plan: Plan; action: Lifecycle; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  const path = { planId: plan.planId };
  const send = (v: LifecycleValues, ifMatch: string): Promise<CommandAnswer> => {
    const params = { path, header: { 'If-Match': ifMatch } };
    switch (action) {
      case 'submit':
        return unwrap(api.POST('/api/v1/plans/{planId}/submission', { params }));
      case 'return':
        return unwrap(api.POST('/api/v1/plans/{planId}/return', { params, body: { reason: v.reason!.trim() } }));
      case 'approve':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/approval', {
            params,
            body: { meetingReference: v.meetingReference!.trim(), meetingDate: beToIso(v.meetingDate)! },
          }),
        );
      case 'close':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/closure', { params, body: { resultsSummary: v.resultsSummary!.trim() } }),
        );
    }
  };
  return (
    <CommandModal<LifecycleValues>
      plan={plan}
      name={`plan-${action}`}
      title={w(`lifecycle.${action}.title`)}
      okText={w(`lifecycle.${action}.ok`)}
      danger={action === 'return'}
      intro={
        <Typography.Paragraph>
          {w(`lifecycle.${action}.intro`, { edition: plan.status === 'amended' ? plan.edition : 1 })}
        </Typography.Paragraph>
      }
      spec={{ watch: watch.plan, send }}
      onClose={onClose}
    >
      {() => (
        <>
          {action === 'return' && (
            <Form.Item label={w('lifecycle.return.reason')} name="reason" rules={reasonRules(w, true)}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {action === 'approve' && (
            <>
              <Form.Item
                label={w('lifecycle.approve.meetingReference')}
                name="meetingReference"
                extra={w('lifecycle.approve.meetingHelp')}
                rules={[
                  ...textRules(w, { required: true, max: LIMITS.meetingReference }),
                  {
                    validator: (_, v: unknown) =>
                      typeof v !== 'string' || !v.trim() || MEETING_REFERENCE.test(v.trim())
                        ? Promise.resolve()
                        : Promise.reject(new Error(w('rules.meetingReference'))),
                  },
                ]}
              >
                <Input placeholder={`ครั้งที่ 1/${plan.fiscalYear}`} autoComplete="off" />
              </Form.Item>
              <BeDateItem name="meetingDate" label={w('lifecycle.approve.meetingDate')} rules={beDateRules(w)} />
            </>
          )}
          {action === 'close' && (
            <TextItem
              name="resultsSummary"
              label={w('lifecycle.close.summary')}
              required
              area
              {...LIMITS.resultsSummary}
            />
          )}
        </>
      )}
    </CommandModal>
  );
}
