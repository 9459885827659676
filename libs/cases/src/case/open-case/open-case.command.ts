import type { Base, Sealed } from '../../command';
import type { AgeGroup, IntakeSource } from '../case.values';

export type OpenCase = Base<
  'OpenCase',
  {
    caseId: string;
    personId: string;
    source: IntakeSource;
    districtCode: string;
    foundOn: string;
    ageGroup: AgeGroup;
    personalData: Sealed;
  }
>;
