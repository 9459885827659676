import { Button, Dropdown, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { formatBaht, formatDate } from '../../format';
import { useWorkspaceText } from './CommandModal';
import {
  districtName,
  type Activity,
  type BudgetLine,
  type FundRequest,
  type Kpi,
  type Permissions,
  type Plan,
  type Project,
} from './model';
import { watchers } from './watch';

/** Every form the plan page opens, and what it is about. */
export type PlanDialog =
  | { kind: 'addProject' }
  | {
      kind: 'changeProject' | 'reassignProject' | 'withdrawProject' | 'activity' | 'kpi' | 'budgetLine' | 'requestFund';
      projectId: string;
    }
  | {
      kind: 'changeActivity' | 'reassignActivity' | 'withdrawActivity' | 'reportProgress';
      projectId: string;
      activityId: string;
    }
  | { kind: 'changeKpi' | 'withdrawKpi' | 'recordActual'; projectId: string; kpiId: string }
  | { kind: 'reviseLine' | 'reassignLine' | 'withdrawLine'; projectId: string; lineId: string }
  | { kind: 'return' | 'revise' | 'approve' | 'reject' | 'disburse'; projectId: string; requestId: string; fund: true };

type Open = (dialog: PlanDialog) => void;

/** A row's own actions: a button for each, and the rarer ones under "more" (a menu). */
function Actions({
  label,
  main,
  more,
}: {
  label: string;
  main: Array<{ key: string; text: string; aria: string; onClick: () => void; primary?: boolean }>;
  more: Array<{ key: string; text: string; onClick: () => void; danger?: boolean }>;
}) {
  const { w } = useWorkspaceText();
  if (main.length === 0 && more.length === 0) return null;
  return (
    <span className="pw-actions">
      {main.map((a) => (
        <Button
          key={a.key}
          size="small"
          type={a.primary ? 'primary' : 'default'}
          onClick={a.onClick}
          aria-label={a.aria}
        >
          {a.text}
        </Button>
      ))}
      {more.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{ items: more.map((m) => ({ key: m.key, label: m.text, danger: m.danger, onClick: m.onClick })) }}
        >
          <Button size="small" aria-label={w('tree.moreFor', { item: label })} aria-haspopup="menu">
            {w('tree.more')} ▾
          </Button>
        </Dropdown>
      )}
    </span>
  );
}

/**
 * The plan as a tree: strategy → project → activities, KPIs, budget lines and Fund requests, each
 * with planned against done, and the actions the signed-in person may take on it now.
 */
export function PlanTree({ plan, may, open }: { plan: Plan; may: Permissions; open: Open }) {
  const { w, t, lang } = useWorkspaceText();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const counts = watchers(w, t, lang).counts;
  const name = (th: string, en: string | null) => (lang === 'en' && en ? en : th);

  const activityNode = (p: Project, a: Activity, change: boolean): DataNode => {
    const title = name(a.titleTh, a.titleEn);
    const live = a.status !== 'withdrawn';
    return {
      key: `activity-${a.activityId}`,
      isLeaf: true,
      title: (
        <span className="pw-row" data-testid="tree-activity">
          <span>
            {title} · {districtName(a.districtCode, lang)} · {formatDate(a.startDate, lang)} –{' '}
            {formatDate(a.endDate, lang)} · {a.responsibleAgencyCode} <Tag>{t(`status.${a.status}`)}</Tag>
            <span className="pw-detail">
              {w('tree.participants', { reached: counts(a.reached), target: counts(a.targets) })} · {t('plans.spent')}{' '}
              {formatBaht(a.spentSatang)}
            </span>
          </span>
          {live && (
            <Actions
              label={title}
              main={
                may.report(p)
                  ? [
                      {
                        key: 'report',
                        text: w('tree.report'),
                        aria: w('tree.reportFor', { item: title }),
                        onClick: () =>
                          open({ kind: 'reportProgress', projectId: p.projectId, activityId: a.activityId }),
                        primary: true,
                      },
                    ]
                  : []
              }
              more={
                change
                  ? [
                      {
                        key: 'change',
                        text: w('tree.change'),
                        onClick: () =>
                          open({ kind: 'changeActivity', projectId: p.projectId, activityId: a.activityId }),
                      },
                      {
                        key: 'reassign',
                        text: w('tree.reassignActivity'),
                        onClick: () =>
                          open({ kind: 'reassignActivity', projectId: p.projectId, activityId: a.activityId }),
                      },
                      {
                        key: 'withdraw',
                        text: w('tree.withdraw'),
                        danger: true,
                        onClick: () =>
                          open({ kind: 'withdrawActivity', projectId: p.projectId, activityId: a.activityId }),
                      },
                    ]
                  : []
              }
            />
          )}
        </span>
      ),
    };
  };

  const kpiNode = (p: Project, k: Kpi, change: boolean): DataNode => {
    const title = name(k.descriptionTh, k.descriptionEn);
    return {
      key: `kpi-${k.kpiId}`,
      isLeaf: true,
      title: (
        <span className="pw-row" data-testid="tree-kpi">
          <span>
            {title} · {t('plans.target')} {k.target} {k.unit} · {t('plans.actual')} {k.actual ?? '—'}
            {k.measuredOn ? ` (${formatDate(k.measuredOn, lang)})` : ''}{' '}
            {k.withdrawn ? (
              <Tag>{t('status.withdrawn')}</Tag>
            ) : k.attained ? (
              <Tag style={{ color: '#1f1f1f', background: '#f6ffed', borderColor: '#73d13d' }}>
                {w('tree.attained')}
              </Tag>
            ) : null}
          </span>
          {!k.withdrawn && (
            <Actions
              label={title}
              main={
                may.report(p)
                  ? [
                      {
                        key: 'actual',
                        text: w('tree.actual'),
                        aria: w('tree.actualFor', { item: title }),
                        onClick: () => open({ kind: 'recordActual', projectId: p.projectId, kpiId: k.kpiId }),
                        primary: true,
                      },
                    ]
                  : []
              }
              more={
                change
                  ? [
                      {
                        key: 'change',
                        text: w('tree.change'),
                        onClick: () => open({ kind: 'changeKpi', projectId: p.projectId, kpiId: k.kpiId }),
                      },
                      {
                        key: 'withdraw',
                        text: w('tree.withdraw'),
                        danger: true,
                        onClick: () => open({ kind: 'withdrawKpi', projectId: p.projectId, kpiId: k.kpiId }),
                      },
                    ]
                  : []
              }
            />
          )}
        </span>
      ),
    };
  };

  const lineNode = (p: Project, l: BudgetLine, change: boolean): DataNode => {
    const title = l.descriptionTh ?? t(`add.source.${l.fundingSource}`);
    const first = l.lineId === p.projectId;
    return {
      // A project's first line has the project's id: tree keys say what they are, so they never meet.
      key: `line-${l.lineId}`,
      isLeaf: true,
      title: (
        <span className="pw-row" data-testid="tree-line">
          <span>
            {title}
            {l.descriptionTh ? ` (${t(`add.source.${l.fundingSource}`)})` : ''} · {formatBaht(l.amountSatang)} ·{' '}
            {t('plans.spent')} {formatBaht(l.spentSatang)} {first ? <Tag>{w('tree.firstLine')}</Tag> : null}
            {l.withdrawn ? <Tag>{t('status.withdrawn')}</Tag> : null}
          </span>
          {!l.withdrawn && change && (
            <Actions
              label={title}
              main={[]}
              more={[
                {
                  key: 'revise',
                  text: w('tree.revise'),
                  onClick: () => open({ kind: 'reviseLine', projectId: p.projectId, lineId: l.lineId }),
                },
                {
                  key: 'reassign',
                  text: w('tree.reassignLine'),
                  onClick: () => open({ kind: 'reassignLine', projectId: p.projectId, lineId: l.lineId }),
                },
                // A project's first line is its requested budget: it is revised, never withdrawn.
                ...(first
                  ? []
                  : [
                      {
                        key: 'withdraw',
                        text: w('tree.withdraw'),
                        danger: true,
                        onClick: () => open({ kind: 'withdrawLine', projectId: p.projectId, lineId: l.lineId }),
                      },
                    ]),
              ]}
            />
          )}
        </span>
      ),
    };
  };

  const fundNode = (p: Project, r: FundRequest): DataNode => {
    const title = w(`fund.categories.${r.category}`);
    const go = (kind: 'return' | 'revise' | 'approve' | 'reject' | 'disburse') => () =>
      open({ kind, projectId: p.projectId, requestId: r.requestId, fund: true });
    const main: Array<{ key: string; text: string; aria: string; onClick: () => void; primary?: boolean }> = [];
    if (may.decideFund(r))
      main.push({
        key: 'approve',
        text: w('fund.approveButton'),
        aria: w('fund.approveFor', { item: title }),
        onClick: go('approve'),
        primary: true,
      });
    if (may.reviseFund(p, r))
      main.push({
        key: 'revise',
        text: w('fund.reviseButton'),
        aria: w('fund.reviseFor', { item: title }),
        onClick: go('revise'),
      });
    if (may.disburse(r))
      main.push({
        key: 'disburse',
        text: w('fund.disburseButton'),
        aria: w('fund.disburseFor', { item: title }),
        onClick: go('disburse'),
        primary: true,
      });
    const more = may.decideFund(r)
      ? [
          { key: 'return', text: w('fund.returnButton'), onClick: go('return') },
          { key: 'reject', text: w('fund.rejectButton'), onClick: go('reject'), danger: true },
        ]
      : [];
    return {
      key: `fund-${r.requestId}`,
      isLeaf: true,
      title: (
        <span className="pw-row" data-testid="tree-fund">
          <span>
            {title} <Tag>{w(`fund.status.${r.status}`)}</Tag> ·{' '}
            {w('fund.line', {
              amount: formatBaht(r.amountSatang),
              approved: formatBaht(r.approvedSatang),
              disbursed: formatBaht(r.disbursedSatang),
            })}
            {r.note ? <span className="pw-detail">{w('fund.note', { note: r.note })}</span> : null}
          </span>
          <Actions label={title} main={main} more={more} />
        </span>
      ),
    };
  };

  const projectNode = (p: Project): DataNode => {
    const title = name(p.titleTh, p.titleEn);
    const change = may.changeProject(p);
    const main: Array<{ key: string; text: string; aria: string; onClick: () => void; primary?: boolean }> = change
      ? [
          {
            key: 'edit',
            text: t('edit.projectButton'),
            aria: t('edit.projectButtonFor', { title }),
            onClick: () => open({ kind: 'changeProject', projectId: p.projectId }),
          },
          ...(['activity', 'kpi', 'budgetLine'] as const).map((kind) => ({
            key: kind,
            text: t(`add.${kind}Button`),
            aria: t(`add.${kind}ButtonFor`, { title }),
            onClick: () => open({ kind, projectId: p.projectId }),
          })),
        ]
      : [];
    const more = [
      ...(change
        ? [
            {
              key: 'reassign',
              text: w('tree.reassignProject'),
              onClick: () => open({ kind: 'reassignProject', projectId: p.projectId }),
            },
            {
              key: 'withdraw',
              text: w('tree.withdrawProject'),
              danger: true,
              onClick: () => open({ kind: 'withdrawProject', projectId: p.projectId }),
            },
          ]
        : []),
      ...(may.requestFund(p)
        ? [
            {
              key: 'fund',
              text: w('fund.submitButton'),
              onClick: () => open({ kind: 'requestFund', projectId: p.projectId }),
            },
          ]
        : []),
    ];
    const group = (key: string, label: string, children: DataNode[]): DataNode => ({
      key: `${p.projectId}-${key}`,
      title: `${label} (${children.length})`,
      children,
    });
    return {
      key: p.projectId,
      title: (
        <span className="pw-row" data-testid="tree-project">
          <span>
            <strong>{title}</strong> · {p.leadAgencyCode}
            {p.participatingAgencyCodes.length ? ` + ${p.participatingAgencyCodes.join(', ')}` : ''} ·{' '}
            {formatBaht(p.requestedBudgetSatang)} {p.withdrawal ? <Tag>{t('status.withdrawn')}</Tag> : null}
            <span className="pw-detail">
              {p.districtCodes.map((d) => districtName(d, lang)).join(', ')}
              {p.targetGroups.length ? ` · ${p.targetGroups.map((g) => t(`add.group.${g}`)).join(', ')}` : ''}
            </span>
          </span>
          {!p.withdrawal && <Actions label={title} main={main} more={more} />}
        </span>
      ),
      children: [
        group(
          'activities',
          t('plans.activities'),
          p.activities.map((a) => activityNode(p, a, change)),
        ),
        group(
          'kpis',
          t('plans.kpis'),
          p.kpis.map((k) => kpiNode(p, k, change)),
        ),
        group(
          'budget',
          t('plans.budgetLines'),
          p.budgetLines.map((l) => lineNode(p, l, change)),
        ),
        group(
          'fund',
          w('fund.requests'),
          p.fundRequests.map((r) => fundNode(p, r)),
        ),
      ],
    };
  };

  const strategies = ['prevention', 'protection', 'prosecution', 'partnership', 'unclassified'] as const;
  const tree: DataNode[] = strategies
    .map((s) => ({ strategy: s, projects: plan.projects.filter((x) => x.strategy === s) }))
    .filter((g) => g.projects.length > 0)
    .map((g) => ({
      key: g.strategy,
      title: <strong>{t(`strategy.${g.strategy}`)}</strong>,
      children: g.projects.map(projectNode),
    }));
  const keys: string[] = [];
  const walk = (nodes: DataNode[]) =>
    nodes.forEach((n) => n.children?.length && (keys.push(String(n.key)), walk(n.children)));
  walk(tree);
  if (tree.length === 0) return <p>{w('tree.empty')}</p>;
  return (
    <Tree
      treeData={tree}
      expandedKeys={keys.filter((k) => !collapsed.has(k))}
      onExpand={(_, info) => {
        const next = new Set(collapsed);
        if (info.expanded) next.delete(String(info.node.key));
        else next.add(String(info.node.key));
        setCollapsed(next);
      }}
      selectable={false}
      blockNode
      // No expand animation: rows stay put while the live view refreshes the tree, and nobody is shown motion they did not ask for.
      motion={false}
    />
  );
}
