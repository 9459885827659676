import { Button, Modal, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One field of a refused save: as it was when the form opened, as it is now, and as the person entered it. */
export interface ConflictRow {
  readonly field: string;
  readonly label: string;
  readonly opened: ReactNode;
  readonly now: ReactNode;
  readonly mine: ReactNode;
  /** Someone else changed it since the form opened. */
  readonly theirs: boolean;
  /** The person changed it in the form. */
  readonly changedByMe: boolean;
}

/**
 * The stale-data dialog of a save refused with 412: what changed elsewhere beside what the person
 * entered, field by field, then either send their changes again on the current version or take it.
 */
export function ConflictDialog(props: {
  readonly open: boolean;
  readonly title: string;
  readonly intro: string;
  readonly openedTitle: string;
  readonly rows: readonly ConflictRow[];
  /** Shown when no field changed here: the change was made elsewhere (another part of the record). */
  readonly emptyText?: string;
  readonly onTakeCurrent: () => void;
  readonly onReapply: () => void;
  readonly reapplying: boolean;
  /** A problem the new attempt met (other than a conflict). */
  readonly problem?: ReactNode;
}) {
  const { t } = useTranslation();
  const unchanged = <span>{t('edit.unchanged')}</span>;
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onTakeCurrent}
      width={760}
      footer={
        <Space wrap>
          <Button onClick={props.onTakeCurrent}>{t('edit.takeCurrent')}</Button>
          <Button type="primary" onClick={props.onReapply} loading={props.reapplying}>
            {t('edit.reapply')}
          </Button>
        </Space>
      }
    >
      <div data-testid="conflict-dialog">
        <Typography.Paragraph>{props.intro}</Typography.Paragraph>
        <Table<ConflictRow>
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={[...props.rows]}
          {...(props.emptyText ? { locale: { emptyText: props.emptyText } } : {})}
          columns={[
            { title: t('edit.field'), dataIndex: 'label' },
            { title: props.openedTitle, render: (_, c) => c.opened },
            { title: t('edit.now'), render: (_, c) => (c.theirs ? <strong>{c.now}</strong> : unchanged) },
            { title: t('edit.mine'), render: (_, c) => (c.changedByMe ? <strong>{c.mine}</strong> : unchanged) },
          ]}
        />
        {props.problem}
      </div>
    </Modal>
  );
}
