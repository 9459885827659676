import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Lang } from '../../format';
import { NRM_STAGES, stageDates, type Case, type HistoryEntry, type NrmStage } from './cases';
import { OverdueTag } from './CaseTags';
import { useNow } from '../../clock';

type StepState = 'done' | 'current' | 'skipped' | 'waiting';

/**
 * The national referral mechanism's stages in order, each with the day the case entered it (from the
 * case's own events). Later stages may be passed over (protection straight to prosecution support):
 * such a stage says it was not entered rather than pretending to a date.
 */
export function StageTimeline({ current, events }: { current: Case; events: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const lang = i18n.language as Lang;
  const dates = stageDates(events);
  const at = NRM_STAGES.indexOf(current.stage);
  const stateOf = (stage: NrmStage, i: number): StepState => {
    if (i === at) return current.status === 'closed' ? 'done' : 'current';
    if (i > at) return 'waiting';
    return i >= 2 && events.length > 0 && !dates[stage] ? 'skipped' : 'done';
  };
  const late = current.identificationDueAt !== null && Date.parse(current.identificationDueAt) <= now;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('cases.timelineHelp')}</Typography.Paragraph>
      <ol className="nrm-timeline" data-testid="stage-timeline">
        {NRM_STAGES.map((stage, i) => {
          const state = stateOf(stage, i);
          return (
            <li
              key={stage}
              className={`nrm-step nrm-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
              data-stage={stage}
            >
              <span className="nrm-dot" aria-hidden="true">
                {i + 1}
              </span>
              <span className="nrm-text">
                <span className="nrm-title">{t(`cases.stages.${stage}`)}</span>
                <span className="nrm-state">
                  {t(
                    {
                      done: 'cases.stepDone',
                      current: 'cases.stepCurrent',
                      skipped: 'cases.stepSkipped',
                      waiting: 'cases.stepWaiting',
                    }[state],
                  )}
                </span>
                {dates[stage] && state !== 'skipped' && state !== 'waiting' && (
                  <span className="nrm-date">
                    {t('cases.stepEntered', { date: formatDateTime(dates[stage], lang) })}
                  </span>
                )}
                {stage === 'identification' && current.identification && (
                  <span className="nrm-date">{t(`cases.identifications.${current.identification}`)}</span>
                )}
                {stage === 'identification' && state === 'current' && current.identificationDueAt && (
                  <span className="nrm-date">
                    {t('cases.identificationDue')} {formatDateTime(current.identificationDueAt, lang)}{' '}
                    {late && <OverdueTag />}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
