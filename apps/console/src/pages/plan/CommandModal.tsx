import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { ConflictDialog } from '../../ConflictDialog';
import type { Lang } from '../../format';
import { noteWrittenPosition } from '../../live';
import { isStale, planAtRevision, planKey } from './api';
import type { CommandAnswer, Plan } from './model';

/** What a form is about, as labelled values: compared, when a save is refused with 412, to show what changed. */
export type Watched = Record<string, { label: string; value: string }>;

export interface CommandSpec<V> {
  /** The parts of the plan the form concerns, as they stand in a plan. */
  watch: (plan: Plan) => Watched;
  /** What the person entered, under the same keys as `watch`, for the fields they changed. */
  mine?: (values: V) => Record<string, string>;
  /** Sends the command with If-Match; `opened` is what the form started from (a change sends only what differs). */
  send: (values: V, ifMatch: string, opened: Partial<V>) => Promise<CommandAnswer>;
  /** For a change: the form's values as they stand in a plan, taken when the person takes the current values. */
  valuesOf?: (plan: Plan) => Partial<V>;
}

interface Conflict<V> {
  readonly revision: number;
  readonly plan: Plan;
  readonly now: Watched;
  readonly values: V;
}

/** The workspace's texts: `plan-workspace.<key>` (locales/plan-workspace.{th,en}.json). */
export function useWorkspaceText() {
  const { t, i18n } = useTranslation();
  const w = (key: string, options?: Record<string, unknown>) => t(`plan-workspace.${key}`, options ?? {});
  return { w, t, lang: i18n.language as Lang };
}

/**
 * A plan command as a form in a dialog. It is sent with If-Match set to the plan revision the form
 * opened at; a 412 opens the conflict dialog showing, field by field, what changed in the plan since
 * then beside what the person entered, and lets them send it again on the current revision or take
 * the current values. Other refusals show the API's problem text in the reader's language.
 */
export function CommandModal<V extends object>(props: {
  plan: Plan;
  title: string;
  spec: CommandSpec<V>;
  initialValues?: Partial<V>;
  okText?: string;
  danger?: boolean;
  intro?: ReactNode;
  name: string;
  onClose: () => void;
  onDone?: (answer: CommandAnswer) => void;
  /** The form, given its instance (for fields that depend on one another). */
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const { plan, spec } = props;
  const [opened, setOpened] = useState(() => ({
    revision: plan.revision,
    watched: spec.watch(plan),
    values: props.initialValues ?? {},
  }));
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);

  const save = useMutation({
    mutationFn: ({ values, revision }: { values: V; revision: number }) =>
      spec.send(values, `"${revision}"`, opened.values),
    onSuccess: async (answer) => {
      noteWrittenPosition(answer.position);
      setConflict(null);
      await Promise.all([
        client.invalidateQueries({ queryKey: planKey(plan.planId) }),
        client.invalidateQueries({ queryKey: ['plans'] }),
        client.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
      props.onDone?.(answer);
      props.onClose();
    },
    onError: async (error, { values }) => {
      if (!isStale(error) || typeof error.problem.currentVersion !== 'string' || !user) return;
      const now = await planAtRevision(plan.planId, error.problem.currentVersion, user.role);
      setConflict({ revision: now.revision, plan: now, now: spec.watch(now), values });
    },
  });

  const rows = (() => {
    if (!conflict) return [];
    const mine = spec.mine?.(conflict.values) ?? {};
    const keys = [...new Set([...Object.keys(opened.watched), ...Object.keys(conflict.now)])];
    const gone = w('conflict.gone');
    return keys
      .map((key) => {
        const was = opened.watched[key];
        const now = conflict.now[key];
        const label = (was ?? now).label;
        const theirs = (was?.value ?? gone) !== (now?.value ?? gone);
        const changedByMe = key in mine && mine[key] !== (was?.value ?? '');
        const shown = (v: string | undefined) => (v === undefined ? gone : v || '—');
        return {
          field: key,
          label,
          opened: shown(was?.value),
          now: shown(now?.value),
          mine: mine[key] || '—',
          theirs,
          changedByMe,
        };
      })
      .filter((r) => r.theirs || r.changedByMe);
  })();

  const takeCurrent = () => {
    if (!conflict) return;
    const values = spec.valuesOf ? spec.valuesOf(conflict.plan) : opened.values;
    setOpened({ revision: conflict.revision, watched: conflict.now, values });
    if (spec.valuesOf) form.setFieldsValue(values);
    setConflict(null);
    save.reset();
  };
  const problem = save.error && !(isStale(save.error) && conflict) ? save.error : null;
  return (
    <>
      <Modal
        open
        title={props.title}
        onCancel={props.onClose}
        okText={props.okText ?? t('edit.save')}
        cancelText={t('edit.cancel')}
        okButtonProps={{ danger: props.danger }}
        onOk={() => form.submit()}
        confirmLoading={save.isPending && !conflict}
        width={640}
        destroyOnHidden
      >
        {problem && !conflict && (
          <Alert
            type="error"
            role="alert"
            data-testid="command-problem"
            title={problem instanceof ApiError ? problem.text(lang) : problem.message || t('common.error')}
            style={{ marginBottom: 12 }}
          />
        )}
        {props.intro}
        <Form<V>
          form={form}
          layout="vertical"
          name={props.name}
          initialValues={props.initialValues}
          onFinish={(values) => save.mutate({ values, revision: opened.revision })}
          scrollToFirstError
        >
          {props.children(form)}
        </Form>
      </Modal>
      <ConflictDialog
        open={conflict !== null}
        title={w('conflict.title')}
        intro={w('conflict.intro', { opened: opened.revision, revision: conflict?.revision })}
        openedTitle={t('edit.whenOpened')}
        emptyText={w('conflict.elsewhere')}
        rows={rows}
        onTakeCurrent={takeCurrent}
        onReapply={() => conflict && save.mutate({ values: conflict.values, revision: conflict.revision })}
        reapplying={save.isPending}
        problem={
          save.isError &&
          conflict &&
          !isStale(save.error) && (
            <Alert
              type="error"
              role="alert"
              title={save.error instanceof ApiError ? save.error.text(lang) : t('common.error')}
              style={{ marginTop: 12 }}
            />
          )
        }
      />
    </>
  );
}
