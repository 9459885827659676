import { AGENCY_CODE } from '@ruamjai/kernel';
import { RequestValidationError } from '../http/validation';

/** An agency code in a path: upper-case letters, digits and dashes, refused with a problem otherwise. */
export function agencyCode(code: string): string {
  if (!AGENCY_CODE.test(code))
    throw new RequestValidationError([
      {
        field: 'code',
        problems: [
          {
            th: 'รหัสหน่วยงานต้องเป็นอักษรภาษาอังกฤษตัวใหญ่ ตัวเลข และขีด',
            en: 'code must be upper-case letters, digits and dashes',
          },
        ],
      },
    ]);
  return code;
}
