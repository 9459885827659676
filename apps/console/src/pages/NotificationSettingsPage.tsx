import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useAuth } from '../auth';
import type { Lang } from '../format';
import { ConflictDialog } from '../ConflictDialog';
import type { NotificationPreferences } from '../notifications';

/** The form's values: the e-mail as typed ('' for none). */
interface Fields {
  inConsole: boolean;
  email: string;
  dailyDigest: boolean;
}
const FIELDS = ['inConsole', 'email', 'dailyDigest'] as const;
type Field = (typeof FIELDS)[number];

/** As the API answers it, with the version to send back in If-Match. */
interface Loaded {
  readonly etag: string;
  readonly fields: Fields;
}

/** The same address check the API makes (USER.INVALID otherwise), so a typo is caught before sending. */
const EMAIL =
  /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;

const fieldsOf = (p: NotificationPreferences): Fields => ({
  inConsole: p.inConsole,
  email: p.email ?? '',
  dailyDigest: p.dailyDigest,
});
/** The e-mail as the API keeps it: trimmed, lower case, null for none. */
const emailOf = (typed: string): string | null => (typed.trim() === '' ? null : typed.trim().toLowerCase());
const bodyOf = (f: Fields): NotificationPreferences => {
  const email = emailOf(f.email);
  return { inConsole: f.inConsole, email, dailyDigest: email !== null && f.dailyDigest };
};
const same = (a: Fields, b: Fields, field: Field): boolean =>
  field === 'email' ? emailOf(a.email) === emailOf(b.email) : a[field] === b[field];

async function load(username: string): Promise<Loaded> {
  const { data, error, response } = await api.GET('/api/v1/users/{username}/notification-preferences', {
    params: { path: { username } },
  });
  if (!response.ok || !data) throw new ApiError(response.status, error ?? {});
  return { etag: response.headers.get('ETag') ?? `"${data.revision}"`, fields: fieldsOf(data) };
}

/** What changed between the page's opening and the refused save, beside what the person chose. */
interface Conflict {
  readonly current: Loaded;
  readonly changes: ReadonlyArray<{
    field: Field;
    opened: Fields;
    now: Fields;
    mine: Fields;
    theirs: boolean;
    changedByMe: boolean;
  }>;
}

/**
 * How the signed-in person hears of things: the bell, a work e-mail, a daily digest. Saved with If-Match
 * set to the version the page was opened at; if the settings changed meanwhile (another window, or the
 * secretariat) the 412 dialog shows what changed and lets the person send their choice again or take
 * the current settings.
 */
export default function NotificationSettingsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const username = user?.username ?? '';
  const [form] = Form.useForm<Fields>();
  const [opened, setOpened] = useState<Loaded | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Kept as a key or the API's problem (both languages), so a switch of language re-renders it.
  const [outcome, setOutcome] = useState<{ type: 'success' | 'info'; key?: string; problem?: ApiError } | null>(null);
  const email = Form.useWatch('email', form) ?? '';
  const hasEmail = email.trim() !== '';

  const prefs = useQuery({
    queryKey: ['notification-preferences', username],
    queryFn: () => load(username),
    enabled: username !== '',
    staleTime: Infinity,
  });
  // The form opens once with what was read; later refetches (the live stream refreshes every query) do not overwrite typing.
  useEffect(() => {
    if (prefs.data && opened === null) {
      // Syncs the antd form (a store outside React) with the first answer, once.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setOpened(prefs.data);
      form.setFieldsValue(prefs.data.fields);
    }
  }, [prefs.data, opened, form]);
  // A digest goes by e-mail: without an address it cannot be on.
  useEffect(() => {
    if (!hasEmail && form.getFieldValue('dailyDigest')) form.setFieldValue('dailyDigest', false);
  }, [hasEmail, form]);

  const save = useMutation({
    /** `fields` are sent; `mine` are what the person chose, for the 412 dialog. */
    mutationFn: async ({ fields, etag }: { fields: Fields; etag: string; mine: Fields }): Promise<Loaded> => {
      const { data, error, response } = await api.PUT('/api/v1/users/{username}/notification-preferences', {
        params: { path: { username }, header: { 'If-Match': etag } },
        body: bodyOf(fields),
      });
      if (!response.ok || !data) throw new ApiError(response.status, error ?? {});
      const answer = data;
      return { etag: response.headers.get('ETag') ?? `"${answer.revision}"`, fields: fieldsOf(answer) };
    },
    onSuccess: (saved) => {
      setOpened(saved);
      setConflict(null);
      form.setFieldsValue(saved.fields);
      setOutcome({ type: 'success', key: 'settings.saved' });
    },
    onError: async (error, { mine }) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409 && error.problem.code === 'USER.PREFERENCES_UNCHANGED') {
        setConflict(null);
        setOutcome({ type: 'info', problem: error });
        return;
      }
      if (error.status !== 412 || !opened) return;
      // The settings as they are now, read from the account itself (not a view that may trail).
      const current = await load(username);
      setConflict({
        current,
        // Every field either side changed since the page opened: theirs (opened → now) beside the person's.
        changes: FIELDS.filter((f) => !same(current.fields, opened.fields, f) || !same(mine, opened.fields, f)).map(
          (f) => ({
            field: f,
            opened: opened.fields,
            now: current.fields,
            mine,
            theirs: !same(current.fields, opened.fields, f),
            changedByMe: !same(mine, opened.fields, f),
          }),
        ),
      });
    },
  });

  if (prefs.isLoading || (prefs.data && !opened)) return <Skeleton active />;
  if (prefs.error || !opened)
    return (
      <Alert
        type="error"
        role="alert"
        title={prefs.error instanceof ApiError ? prefs.error.text(lang) : t('common.error')}
      />
    );

  const submit = (values: Fields) => {
    setOutcome(null);
    if (FIELDS.every((f) => same(values, opened.fields, f))) {
      setOutcome({ type: 'info', key: 'settings.nothingChanged' });
      return;
    }
    save.mutate({ fields: values, etag: opened.etag, mine: values });
  };
  /** The person's own changes (from what the page opened with) on top of the settings as they are now. */
  const reapply = () => {
    if (!conflict) return;
    const mine = form.getFieldsValue(true) as Fields;
    const merged = { ...conflict.current.fields };
    for (const f of FIELDS) if (!same(mine, opened.fields, f)) Object.assign(merged, { [f]: mine[f] });
    setOutcome(null);
    save.mutate({ fields: merged, etag: conflict.current.etag, mine });
  };
  const takeCurrent = () => {
    if (!conflict) return;
    setOpened(conflict.current);
    form.setFieldsValue(conflict.current.fields);
    setConflict(null);
    save.reset();
  };

  const shown = (field: Field, f: Fields): string =>
    field === 'email' ? (emailOf(f.email) ?? t('settings.noEmail')) : f[field] ? t('settings.on') : t('settings.off');
  const failure =
    save.error instanceof ApiError &&
    save.error.status !== 412 &&
    !(save.error.status === 409 && save.error.problem.code === 'USER.PREFERENCES_UNCHANGED')
      ? save.error
      : null;
  /** The problem in the reader's language, with each field's own problem (the API sends Thai and English) under it. */
  const problemAlert = (e: ApiError, style: CSSProperties) => {
    const details = (e.problem.errors ?? []) as ReadonlyArray<{
      field: string;
      problem: string;
      problems?: ReadonlyArray<{ th: string; en: string }>;
    }>;
    const lines = details.flatMap((d) => (d.problems?.length ? d.problems.map((p) => p[lang]) : [d.problem]));
    return (
      <Alert
        type="error"
        role="alert"
        title={e.text(lang)}
        description={
          lines.length > 0 ? (
            <ul className="plain-list">
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : undefined
        }
        style={style}
        data-testid="settings-problem"
      />
    );
  };

  return (
    <section aria-labelledby="settings-title" style={{ maxWidth: 720 }}>
      <Typography.Title level={1} id="settings-title" style={{ fontSize: 24 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('settings.intro')}</Typography.Paragraph>
      <Card>
        {outcome && (
          <Alert
            type={outcome.type}
            role="status"
            title={outcome.problem ? outcome.problem.text(lang) : t(outcome.key ?? 'common.error')}
            style={{ marginBottom: 16 }}
            data-testid="settings-outcome"
          />
        )}
        {failure && !conflict && problemAlert(failure, { marginBottom: 16 })}
        {save.error && !(save.error instanceof ApiError) && (
          <Alert type="error" role="alert" title={t('common.error')} style={{ marginBottom: 16 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          name="notification-settings"
          initialValues={opened.fields}
          onFinish={submit}
          onValuesChange={() => setOutcome(null)}
        >
          <Form.Item
            label={t('settings.inConsole')}
            name="inConsole"
            valuePropName="checked"
            extra={t('settings.inConsoleHelp')}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            label={t('settings.email')}
            name="email"
            extra={t('settings.emailHelp')}
            rules={[
              { max: 254, message: t('edit.length', { min: 0, max: 254 }) },
              {
                validator: (_, value: string | undefined) =>
                  !value || value.trim() === '' || EMAIL.test(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('settings.emailInvalid'))),
              },
            ]}
          >
            <Input
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              lang="en"
              placeholder={t('settings.emailPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            label={t('settings.dailyDigest')}
            name="dailyDigest"
            valuePropName="checked"
            extra={
              <>
                <div>{t('settings.dailyDigestHelp')}</div>
                {!hasEmail && <div>{t('settings.dailyDigestNeedsEmail')}</div>}
              </>
            }
          >
            <Switch disabled={!hasEmail} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending && !conflict}>
            {t('edit.save')}
          </Button>
        </Form>
      </Card>
      <ConflictDialog
        open={conflict !== null}
        title={t('settings.conflictTitle')}
        intro={t('settings.conflictIntro')}
        openedTitle={t('settings.whenOpened')}
        rows={(conflict?.changes ?? []).map((c) => ({
          field: c.field,
          label: t(`settings.${c.field}`),
          opened: shown(c.field, c.opened),
          now: shown(c.field, c.now),
          mine: shown(c.field, c.mine),
          theirs: c.theirs,
          changedByMe: c.changedByMe,
        }))}
        onTakeCurrent={takeCurrent}
        onReapply={reapply}
        reapplying={save.isPending}
        problem={conflict && failure && problemAlert(failure, { marginTop: 12 })}
      />
    </section>
  );
}
