import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { formatDateTime, type Lang } from '../format';
import type { UserView } from '../types';
import { WideTable } from '../WideTable';
import { ROLES, type Role } from '../../../../libs/kernel/src/actor';

/** The centre's users, kept by the secretariat: add someone and hand over their one-time password. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap<{ users: UserView[] }>(api.GET('/api/v1/users')),
  });
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (body: { username: string; displayName: string; role: Role; agency: string }) =>
      unwrap<{ oneTimePassword: string; position: string }>(api.POST('/api/v1/users', { body })),
    onSuccess: (answer, body) => {
      setAdding(false);
      form.resetFields();
      setIssued({ name: body.displayName, password: answer.oneTimePassword });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <section aria-labelledby="users-title">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={1} id="users-title" style={{ fontSize: 24 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('users.add')}
        </Button>
      </Space>
      {users.error && (
        <Alert type="error" title={users.error instanceof ApiError ? users.error.text(lang) : t('common.error')} />
      )}
      <WideTable label={t('users.title')} minWidth={800}>
        <Table<UserView>
          rowKey="username"
          loading={users.isLoading}
          dataSource={users.data?.users ?? []}
          pagination={false}
          columns={[
            { title: t('users.username'), dataIndex: 'username' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
            { title: t('users.agency'), dataIndex: 'agency' },
            {
              title: t('users.state'),
              render: (_, u) => (
                <Space wrap>
                  <Tag>{u.active ? t('users.active') : t('users.inactive')}</Tag>
                  {u.mustChangePassword && <Tag>{t('users.mustChange')}</Tag>}
                  {u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() && (
                    <Tag>{t('users.locked', { until: formatDateTime(u.lockedUntil, lang) })}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('users.secondFactor'),
              render: (_, u) =>
                u.secondFactorRequired
                  ? u.secondFactorEnrolled
                    ? t('users.enrolled')
                    : t('users.notEnrolled')
                  : t('users.notRequired'),
            },
            {
              title: t('users.lastSignIn'),
              dataIndex: 'lastSignInAt',
              render: (d: string | null) => formatDateTime(d, lang),
            },
          ]}
        />
      </WideTable>
      <Modal
        open={adding}
        title={t('users.add')}
        onCancel={() => setAdding(false)}
        okText={t('users.addSubmit')}
        cancelText={t('users.cancel')}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
      >
        {add.error && (
          <Alert
            type="error"
            title={add.error instanceof ApiError ? add.error.text(lang) : t('common.error')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          name="add-user"
          onFinish={(v: Parameters<typeof add.mutate>[0]) => add.mutate(v)}
        >
          <Form.Item
            label={t('users.username')}
            name="username"
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,63}$/ }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('users.displayName')} name="displayName" rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('users.agency')}
            name="agency"
            rules={[{ required: true, pattern: /^[A-Z0-9][A-Z0-9-]{0,63}$/ }]}
          >
            <Input placeholder="PSDHS-SK" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={issued !== null}
        title={t('users.oneTimeTitle')}
        onCancel={() => setIssued(null)}
        footer={<Button onClick={() => setIssued(null)}>{t('users.close')}</Button>}
      >
        <Typography.Paragraph>{t('users.oneTimeIntro', { name: issued?.name })}</Typography.Paragraph>
        <Typography.Text code copyable data-testid="one-time-password">
          {issued?.password}
        </Typography.Text>
      </Modal>
    </section>
  );
}
