import { Alert, Button, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatCount, formatDateTime, type Lang } from '../../format';
import { useVerification } from './auditApi';
import { shortDigest } from './describe';

/**
 * The tamper evidence of the whole log: whether every event still matches its hash and links to the
 * one before it, and the chain head to note down (a later, shorter log would not reach it).
 */
export function VerificationCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const verification = useVerification();
  const { mutate } = verification;
  useEffect(() => mutate(), [mutate]);
  const result = verification.data;
  const report = result?.report;
  return (
    <Card title={<h2 className="card-heading">{t('audit.verify.title')}</h2>} data-testid="verification">
      <Typography.Paragraph type="secondary">{t('audit.verify.intro')}</Typography.Paragraph>
      <div role="status" aria-live="polite" aria-busy={verification.isPending}>
        {verification.isPending && <p>{t('audit.verify.checking')}</p>}
        {verification.error && (
          <Alert
            type="error"
            showIcon
            title={verification.error instanceof ApiError ? verification.error.text(lang) : t('common.error')}
          />
        )}
        {report && !verification.isPending && (
          <>
            {report.ok ? (
              <Alert
                type="success"
                showIcon
                title={t('audit.verify.ok')}
                description={t('audit.verify.okHelp')}
                data-testid="verification-state"
                data-state="verified"
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={t('audit.verify.broken')}
                data-testid="verification-state"
                data-state="broken"
                description={
                  report.firstBreak && (
                    <>
                      <div>{t(`audit.verify.problem.${report.firstBreak.problem}`)}</div>
                      <div>
                        {t('audit.verify.breakAt', {
                          position: report.firstBreak.position,
                          stream: report.firstBreak.streamId,
                          revision: report.firstBreak.revision,
                        })}
                      </div>
                      <div>
                        {t('audit.verify.eventId')} <code>{report.firstBreak.eventId}</code>
                      </div>
                    </>
                  )
                }
              />
            )}
            <dl className="audit-facts audit-verify-facts">
              <div className="audit-fact">
                <dt>{t('audit.verify.head')}</dt>
                <dd>
                  <Typography.Text
                    code
                    copyable={{
                      text: report.head.digest,
                      tooltips: [t('audit.verify.copy'), t('audit.verify.copied')],
                    }}
                    data-testid="chain-head"
                    data-digest={report.head.digest}
                    title={report.head.digest}
                  >
                    {shortDigest(report.head.digest)}
                  </Typography.Text>
                </dd>
              </div>
              <div className="audit-fact">
                <dt>{t('audit.verify.position')}</dt>
                <dd data-testid="chain-position">{report.head.position ?? '—'}</dd>
              </div>
              <div className="audit-fact">
                <dt>{t('audit.verify.events')}</dt>
                <dd data-testid="chain-events">
                  {t('audit.verify.eventsValue', {
                    events: formatCount(report.eventsChecked),
                    streams: formatCount(report.streams),
                  })}
                </dd>
              </div>
              <div className="audit-fact">
                <dt>{t('audit.verify.checkedAt')}</dt>
                <dd data-testid="chain-checked-at">{formatDateTime(result.checkedAt, lang)}</dd>
              </div>
            </dl>
          </>
        )}
      </div>
      <Button
        onClick={() => mutate()}
        loading={verification.isPending}
        style={{ marginTop: 12 }}
        data-testid="verify-again"
      >
        {t('audit.verify.again')}
      </Button>
    </Card>
  );
}
