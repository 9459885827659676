import { Form, Input, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { formatBaht } from '../../format';
import { CommandModal, useWorkspaceText } from './CommandModal';
import { BahtItem, TextItem } from './fields';
import {
  FUND_CATEGORIES,
  type CommandAnswer,
  type FundCategory,
  type FundRequest,
  type Plan,
  type Project,
} from './model';
import { bahtRules, bahtToSatang, LIMITS, reasonRules, satangToBahtText } from './rules';
import { watchers } from './watch';

export type FundAction = 'return' | 'revise' | 'approve' | 'reject' | 'disburse';

/** A request to the Anti-Trafficking Fund for a project (SubmitFundRequestDto: at least 1 satang, a justification, the s.44 purpose). */
export function SubmitFundForm({ plan, project, onClose }: { plan: Plan; project: Project; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  return (
    <CommandModal<{ amountBaht: string; justification: string; category: FundCategory }>
      plan={plan}
      name="fund-request"
      title={w('fund.submitTitle')}
      okText={w('fund.submitOk')}
      intro={
        <Typography.Paragraph strong>
          {lang === 'en' && project.titleEn ? project.titleEn : project.titleTh}
        </Typography.Paragraph>
      }
      initialValues={{ category: 'prevention_suppression' }}
      spec={{
        watch: watch.both(watch.project(project.projectId), watch.plan),
        send: (v, ifMatch) =>
          unwrap<CommandAnswer>(
            api.POST('/api/v1/plans/{planId}/projects/{projectId}/fund-requests', {
              params: { path: { planId: plan.planId, projectId: project.projectId }, header: { 'If-Match': ifMatch } },
              body: {
                amountSatang: bahtToSatang(v.amountBaht)!,
                justification: v.justification.trim(),
                category: v.category,
              },
            }),
          ),
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <BahtItem name="amountBaht" label={w('fund.amount')} rules={bahtRules(w, { minSatang: 1 })} />
          <Form.Item
            label={w('fund.category')}
            name="category"
            rules={[{ required: true, message: w('rules.required') }]}
          >
            <Select options={FUND_CATEGORIES.map((c) => ({ value: c, label: w(`fund.categories.${c}`) }))} />
          </Form.Item>
          <TextItem name="justification" label={w('fund.justification')} required area {...LIMITS.justification} />
        </>
      )}
    </CommandModal>
  );
}

interface DecisionValues {
  amountBaht?: string;
  justification?: string;
  reason?: string;
}

/**
 * What follows a request: returned for revision or rejected with a reason, approved for at most what
 * was asked, revised after a return, and paid in parts up to the approved amount.
 */
export function FundDecisionForm({
  plan,
  project,
  request,
  action,
  onClose,
}: {
  plan: Plan;
  project: Project;
  request: FundRequest;
  action: FundAction;
  onClose: () => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  const left = request.approvedSatang - request.disbursedSatang;
  const send = (v: DecisionValues, ifMatch: string): Promise<CommandAnswer> => {
    const params = { path: { planId: plan.planId, requestId: request.requestId }, header: { 'If-Match': ifMatch } };
    switch (action) {
      case 'return':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/fund-requests/{requestId}/return', {
            params,
            body: { reason: v.reason!.trim() },
          }),
        );
      case 'reject':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/fund-requests/{requestId}/rejection', {
            params,
            body: { reason: v.reason!.trim() },
          }),
        );
      case 'revise':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/fund-requests/{requestId}/revisions', {
            params,
            body: { amountSatang: bahtToSatang(v.amountBaht)!, justification: v.justification!.trim() },
          }),
        );
      case 'approve':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/fund-requests/{requestId}/approval', {
            params,
            body: { approvedAmountSatang: bahtToSatang(v.amountBaht)! },
          }),
        );
      case 'disburse':
        return unwrap(
          api.POST('/api/v1/plans/{planId}/fund-requests/{requestId}/disbursements', {
            params,
            body: { amountSatang: bahtToSatang(v.amountBaht)! },
          }),
        );
    }
  };
  const initialValues: DecisionValues =
    action === 'approve'
      ? { amountBaht: satangToBahtText(request.amountSatang) }
      : action === 'revise'
        ? { amountBaht: satangToBahtText(request.amountSatang), justification: request.justification }
        : {};
  return (
    <CommandModal<DecisionValues>
      plan={plan}
      name={`fund-${action}`}
      title={w(`fund.${action}Title`)}
      okText={w(`fund.${action}Ok`)}
      danger={action === 'reject'}
      intro={
        <Typography.Paragraph>
          <strong>{lang === 'en' && project.titleEn ? project.titleEn : project.titleTh}</strong>
          <br />
          {w('fund.summary', {
            category: w(`fund.categories.${request.category}`),
            amount: formatBaht(request.amountSatang),
            approved: formatBaht(request.approvedSatang),
            disbursed: formatBaht(request.disbursedSatang),
          })}
          <br />
          {request.justification}
          {request.note && (
            <>
              <br />
              {w('fund.note', { note: request.note })}
            </>
          )}
        </Typography.Paragraph>
      }
      initialValues={initialValues}
      spec={{ watch: watch.both(watch.fund(request.requestId), watch.plan), send }}
      onClose={onClose}
    >
      {() => (
        <>
          {(action === 'return' || action === 'reject') && (
            <Form.Item label={w(`fund.${action}Reason`)} name="reason" rules={reasonRules(w, true)}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {action === 'revise' && (
            <>
              <BahtItem name="amountBaht" label={w('fund.amount')} rules={bahtRules(w, { minSatang: 1 })} />
              <TextItem name="justification" label={w('fund.justification')} required area {...LIMITS.justification} />
            </>
          )}
          {action === 'approve' && (
            <BahtItem
              name="amountBaht"
              label={w('fund.approvedAmount')}
              extra={w('fund.atMost', { amount: formatBaht(request.amountSatang) })}
              rules={bahtRules(w, {
                minSatang: 1,
                maxSatang: request.amountSatang,
                maxMessage: w('fund.overRequest', { amount: formatBaht(request.amountSatang) }),
              })}
            />
          )}
          {action === 'disburse' && (
            <BahtItem
              name="amountBaht"
              label={w('fund.disburseAmount')}
              extra={w('fund.left', { amount: formatBaht(left) })}
              rules={bahtRules(w, {
                minSatang: 1,
                maxSatang: left,
                maxMessage: w('fund.overApproved', { amount: formatBaht(left) }),
              })}
            />
          )}
        </>
      )}
    </CommandModal>
  );
}
