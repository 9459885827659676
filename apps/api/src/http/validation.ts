import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { LocalisedText } from '@ruamjai/kernel';

/** One rule a field broke, in both languages. */
export interface FieldProblem {
  readonly field: string;
  readonly problems: LocalisedText[];
}

/** A request body or parameter that breaks its DTO's rules. */
export class RequestValidationError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super('request validation failed');
    this.name = 'RequestValidationError';
  }
}

const numberIn = (text: string): string => /(-?\d+(?:\.\d+)?)/.exec(text)?.[1] ?? '';
const listIn = (text: string): string => text.split(':').slice(1).join(':').trim();

/** Thai for class-validator's rules; the English comes from class-validator itself. */
const THAI: Record<string, (field: string, en: string) => string> = {
  whitelistValidation: (f) => `ไม่รู้จักช่อง ${f}`,
  isString: (f) => `${f} ต้องเป็นข้อความ`,
  isInt: (f) => `${f} ต้องเป็นจำนวนเต็ม`,
  isNumber: (f) => `${f} ต้องเป็นตัวเลข`,
  min: (f, en) => `${f} ต้องไม่น้อยกว่า ${numberIn(en)}`,
  max: (f, en) => `${f} ต้องไม่มากกว่า ${numberIn(en)}`,
  minLength: (f, en) => `${f} ต้องยาวอย่างน้อย ${numberIn(en)} ตัวอักษร`,
  maxLength: (f, en) => `${f} ต้องยาวไม่เกิน ${numberIn(en)} ตัวอักษร`,
  isIn: (f, en) => `${f} ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${listIn(en)}`,
  matches: (f) => `${f} มีรูปแบบไม่ถูกต้อง`,
  isArray: (f) => `${f} ต้องเป็นรายการ (array)`,
  arrayMinSize: (f, en) => `${f} ต้องมีอย่างน้อย ${numberIn(en)} รายการ`,
  arrayMaxSize: (f, en) => `${f} มีได้ไม่เกิน ${numberIn(en)} รายการ`,
  isDateString: (f) => `${f} ต้องเป็นวันที่ตามรูปแบบ ISO 8601`,
  isIso8601: (f) => `${f} ต้องเป็นวันที่หรือเวลาตามรูปแบบ ISO 8601`,
  isBoolean: (f) => `${f} ต้องเป็น true หรือ false`,
  isUuid: (f) => `${f} ต้องเป็น UUID`,
  nestedValidation: (f) => `${f} ต้องเป็นออบเจกต์ที่มีรูปแบบถูกต้อง`,
  isObject: (f) => `${f} ต้องเป็นออบเจกต์`,
  isDefined: (f) => `ต้องระบุ ${f}`,
  isNotEmpty: (f) => `ต้องระบุ ${f}`,
  unknownValue: () => 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
};

function localise(field: string, rule: string, en: string): LocalisedText {
  return { th: (THAI[rule] ?? ((f: string) => `${f} ไม่ถูกต้อง`))(field, en), en };
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ field, problems: Object.entries(e.constraints).map(([rule, en]) => localise(field, rule, en)) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown fields, transform to DTO classes, and never coerce types implicitly. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
