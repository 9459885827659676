import { NRM_STAGES, type NrmStage } from '../case.values';
import { IllegalCaseTransition } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustBeOpen } from '../case.guards';
import type { CaseState } from '../case.state';
import type { AdvanceNrmStage } from './advance-nrm-stage.command';

const stageIndex = (stage: NrmStage) => NRM_STAGES.indexOf(stage);

export function decideAdvanceNrmStage(command: AdvanceNrmStage, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustBeOpen(state, caseId);
  const to = command.data.stage;
  // Screening and identification end by their own records; later stages only move forward.
  if (stageIndex(c.stage) < stageIndex('protection_assistance') || stageIndex(to) <= stageIndex(c.stage)) {
    throw new IllegalCaseTransition(caseId, c.stage, `AdvanceNrmStage(${to})`);
  }
  return [{ type: 'NrmStageAdvanced', data: { caseId, from: c.stage, to } }];
}
