import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useAuth, type SignInAnswer } from '../auth';
import type { Lang } from '../format';

/** Why the OpenID provider's round trip ended back here (the API's problem code, in `?sign-in-error=`), read once. */
function takeProviderError(): string | null {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('sign-in-error');
  if (code === null) return null;
  params.delete('sign-in-error');
  const rest = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
  return /^[A-Z0-9_.]{1,64}$/.test(code) ? code : 'UNKNOWN';
}

const KNOWN_PROVIDER_ERRORS = [
  'AUTH.OIDC_NO_ROLE',
  'AUTH.OIDC_NO_AGENCY',
  'AUTH.OIDC_USERNAME_INVALID',
  'AUTH.OIDC_ACCOUNT_INACTIVE',
  'AUTH.OIDC_ACCOUNT_LINKED_ELSEWHERE',
  'AUTH.OIDC_STATE_INVALID',
  'AUTH.OIDC_PROVIDER_REFUSED',
  'AUTH.OIDC_NOT_VERIFIED',
  'AUTH.OIDC_PROVIDER_UNAVAILABLE',
];

/** The button to the OpenID provider, when the API has one configured ("เข้าสู่ระบบด้วย …"). */
function ProviderSignIn({
  providerName,
  startUrl,
  lang,
  primary,
}: {
  providerName: string;
  startUrl: string;
  lang: Lang;
  primary: boolean;
}) {
  const { t } = useTranslation();
  // A link, not a script: the browser itself goes to the provider and comes back.
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      href={`${startUrl}?lang=${lang}`}
      block
      size="large"
      data-testid="oidc-sign-in"
    >
      {t('oidc.button', { provider: providerName })}
    </Button>
  );
}

type Step =
  | { kind: 'password' }
  | { kind: 'change'; challenge: string }
  | { kind: 'enrol'; challenge: string; secret: string; otpauthUri: string };

/** Password and TOTP; on a first sign-in, a new password and then the authenticator. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { accept } = useAuth();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [providerError] = useState(takeProviderError);
  const methods = useQuery({
    queryKey: ['sign-in-methods'],
    queryFn: () =>
      unwrap<{ password: boolean; oidc: { providerName: string; startUrl: string } | null }>(
        api.GET('/api/v1/auth/methods'),
      ),
  });
  const oidc = methods.data?.oidc ?? null;
  const password = methods.data?.password ?? true;

  async function submit(call: () => Promise<SignInAnswer>) {
    setBusy(true);
    setError(null);
    try {
      const answer = await call();
      if (answer.status === 'signed_in') accept(answer);
      else if (answer.status === 'password_change_required') setStep({ kind: 'change', challenge: answer.challenge! });
      else
        setStep({
          kind: 'enrol',
          challenge: answer.challenge!,
          secret: answer.secret!,
          otpauthUri: answer.otpauthUri!,
        });
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  const alert = error ? (
    <Alert
      type="error"
      showIcon
      title={t('signIn.error')}
      description={error}
      role="alert"
      style={{ marginBottom: 16 }}
    />
  ) : null;

  return (
    <main id="main" className="sign-in">
      {/* A plain panel, not antd's Card: Card brings Tabs and Menu (for its tab list) into the first download. */}
      <div className="sign-in-panel">
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph>{t('app.subtitle')}</Typography.Paragraph>
        {providerError && step.kind === 'password' && !methods.isPending && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('oidc.refusedTitle')}
            description={t(
              KNOWN_PROVIDER_ERRORS.includes(providerError) ? `oidc.errors.${providerError}` : 'oidc.errors.other',
              { provider: oidc?.providerName ?? '' },
            )}
            data-testid="oidc-error"
          />
        )}
        {step.kind === 'password' && oidc && (
          <section aria-labelledby="oidc-title">
            <Typography.Title level={2} style={{ fontSize: 20 }} id="oidc-title">
              {t('signIn.title')}
            </Typography.Title>
            <Typography.Paragraph>{t('oidc.intro', { provider: oidc.providerName })}</Typography.Paragraph>
            <ProviderSignIn providerName={oidc.providerName} startUrl={oidc.startUrl} lang={lang} primary={!password} />
            {password && <Divider plain>{t('oidc.or')}</Divider>}
          </section>
        )}
        {step.kind === 'password' && password && (
          <Form
            layout="vertical"
            name="sign-in"
            requiredMark={false}
            onFinish={(v: { username: string; password: string; code?: string }) =>
              void submit(() =>
                unwrap(
                  api.POST('/api/v1/auth/sign-in', {
                    body: { username: v.username.trim(), password: v.password, ...(v.code ? { code: v.code } : {}) },
                  }),
                ),
              )
            }
          >
            {oidc ? (
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('oidc.passwordTitle')}
              </Typography.Title>
            ) : (
              <Typography.Title level={2} style={{ fontSize: 20 }}>
                {t('signIn.title')}
              </Typography.Title>
            )}
            {alert}
            <Form.Item
              label={t('signIn.username')}
              name="username"
              rules={[{ required: true, message: t('signIn.required', { field: t('signIn.username') }) }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('signIn.password')}
              name="password"
              rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label={t('signIn.code')}
              name="code"
              extra={t('signIn.codeHelp')}
              rules={[{ pattern: /^\d{6}$/, message: t('signIn.codeFormat') }]}
            >
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
            onFinish={(v: { newPassword: string }) =>
              void submit(() =>
                unwrap(
                  api.POST('/api/v1/auth/password-change', {
                    body: { challenge: step.challenge, newPassword: v.newPassword },
                  }),
                ),
              )
            }
          >
            <Typography.Title level={2} style={{ fontSize: 20 }}>
              {t('signIn.changeTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('signIn.changeIntro')}</Typography.Paragraph>
            {alert}
            <Form.Item
              label={t('signIn.newPassword')}
              name="newPassword"
              rules={[{ required: true, min: 12, message: t('signIn.tooShort') }]}
            >
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('signIn.confirmPassword')}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('signIn.mismatch') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('signIn.mismatch'))),
                }),
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
            onFinish={(v: { code: string }) =>
              void submit(() =>
                unwrap(api.POST('/api/v1/auth/second-factor', { body: { challenge: step.challenge, code: v.code } })),
              )
            }
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
            <Form.Item
              label={t('signIn.code')}
              name="code"
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('signIn.codeFormat') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.enrolSubmit')}
            </Button>
          </Form>
        )}
      </div>
    </main>
  );
}
