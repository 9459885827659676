import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useAuth, type SignInAnswer } from '../auth';
import type { Lang } from '../format';

type Step = { kind: 'password' } | { kind: 'change'; challenge: string } | { kind: 'enrol'; challenge: string; secret: string; otpauthUri: string };

/** Password and TOTP; on a first sign-in, a new password and then the authenticator. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { accept } = useAuth();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(call: () => Promise<SignInAnswer>) {
    setBusy(true);
    setError(null);
    try {
      const answer = await call();
      if (answer.status === 'signed_in') accept(answer);
      else if (answer.status === 'password_change_required') setStep({ kind: 'change', challenge: answer.challenge! });
      else setStep({ kind: 'enrol', challenge: answer.challenge!, secret: answer.secret!, otpauthUri: answer.otpauthUri! });
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  const alert = error ? <Alert type="error" showIcon title={t('signIn.error')} description={error} role="alert" style={{ marginBottom: 16 }} /> : null;

  return (
    <main id="main" className="sign-in">
      <Card style={{ maxWidth: 440, margin: '48px auto' }}>
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph>{t('app.subtitle')}</Typography.Paragraph>
        {step.kind === 'password' && (
          <Form
            layout="vertical"
            name="sign-in"
            requiredMark={false}
            onFinish={(v: { username: string; password: string; code?: string }) =>
              submit(() => unwrap(api.POST('/api/v1/auth/sign-in', { body: { username: v.username.trim(), password: v.password, ...(v.code ? { code: v.code } : {}) } })))
            }
          >
            <Typography.Title level={2} style={{ fontSize: 20 }}>
              {t('signIn.title')}
            </Typography.Title>
            {alert}
            <Form.Item label={t('signIn.username')} name="username" rules={[{ required: true, message: t('signIn.required', { field: t('signIn.username') }) }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item label={t('signIn.code')} name="code" extra={t('signIn.codeHelp')} rules={[{ pattern: /^\d{6}$/, message: t('signIn.codeFormat') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.submit')}
            </Button>
          </Form>
        )}
        {step.kind === 'change' && (
          <Form
            layout="vertical"
            name="password-change"
            requiredMark={false}
            onFinish={(v: { newPassword: string }) => submit(() => unwrap(api.POST('/api/v1/auth/password-change', { body: { challenge: step.challenge, newPassword: v.newPassword } })))}
          >
            <Typography.Title level={2} style={{ fontSize: 20 }}>
              {t('signIn.changeTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('signIn.changeIntro')}</Typography.Paragraph>
            {alert}
            <Form.Item label={t('signIn.newPassword')} name="newPassword" rules={[{ required: true, min: 12, message: t('signIn.tooShort') }]}>
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('signIn.confirmPassword')}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('signIn.mismatch') },
                ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('signIn.mismatch')))) }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.changeSubmit')}
            </Button>
          </Form>
        )}
        {step.kind === 'enrol' && (
          <Form
            layout="vertical"
            name="second-factor"
            requiredMark={false}
            onFinish={(v: { code: string }) => submit(() => unwrap(api.POST('/api/v1/auth/second-factor', { body: { challenge: step.challenge, code: v.code } })))}
          >
            <Typography.Title level={2} style={{ fontSize: 20 }}>
              {t('signIn.enrolTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('signIn.enrolIntro')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('signIn.secret')}:{' '}
              <Typography.Text code copyable data-testid="totp-secret">
                {step.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              <a href={step.otpauthUri}>{step.otpauthUri.split('?')[0]}</a>
            </Typography.Paragraph>
            {alert}
            <Form.Item label={t('signIn.code')} name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('signIn.codeFormat') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.enrolSubmit')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
