import { USERNAME } from '@ruamjai/identity';
import { RequestValidationError } from './validation';

/** A path username of the directory's form (3-64 lower-case letters, digits, dots, dashes); anything else is a 400 naming it. */
export function validUsername(value: string): string {
  if (!USERNAME.test(value))
    throw new RequestValidationError([
      { field: 'username', problems: [{ th: 'ชื่อผู้ใช้ไม่ถูกต้อง', en: 'username is not valid' }] },
    ]);
  return value;
}
