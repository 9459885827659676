import type { LocalisedText } from '@ruamjai/kernel';

/** RFC 9457 problem details, with a stable code and the message in Thai and English. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly messages: LocalisedText;
  readonly instance?: string;
  readonly correlationId?: string;
  readonly errors?: ReadonlyArray<{
    field: string;
    problem: string;
    problems: ReadonlyArray<{ th: string; en: string }>;
  }>;
  readonly [extension: string]: unknown;
}

/** An HTTP-level refusal raised outside the domain (preconditions, idempotency, lagging views). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: LocalisedText,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string | readonly string[]> = {},
  ) {
    super(messages.en);
    this.name = 'HttpProblem';
  }
}

export const preconditionRequired = () =>
  new HttpProblem(428, 'PRECONDITION.REQUIRED', {
    th: 'ต้องส่งส่วนหัว If-Match พร้อมรุ่น (ETag) ล่าสุดที่อ่านได้ เพื่อป้องกันการเขียนทับกัน',
    en: 'Send an If-Match header with the latest version (ETag) you read, so no update is lost',
  });

export const preconditionMalformed = (value: string) =>
  new HttpProblem(400, 'PRECONDITION.MALFORMED', {
    th: `ส่วนหัว If-Match "${value}" ไม่ถูกต้อง`,
    en: `If-Match "${value}" is not a version this API issued`,
  });

export const preconditionFailedWeak = () =>
  new HttpProblem(412, 'PRECONDITION.WEAK_ETAG', {
    th: 'If-Match ต้องใช้ ETag แบบเข้ม (ไม่มี W/) ตามที่ระบบส่งให้',
    en: 'If-Match needs the strong ETag the API sent (without W/)',
  });

export const preconditionFailed = (current: bigint | 'no_stream') =>
  new HttpProblem(
    412,
    'PRECONDITION.FAILED',
    {
      th: 'ข้อมูลถูกแก้ไขโดยผู้อื่นหลังจากที่คุณอ่าน กรุณาอ่านใหม่แล้วลองอีกครั้ง',
      en: 'The resource changed since you read it; read it again and retry',
    },
    { currentVersion: current === 'no_stream' ? null : current.toString() },
    current === 'no_stream' ? {} : { ETag: `"${current}"` },
  );

export const idempotencyKeyReused = () =>
  new HttpProblem(422, 'IDEMPOTENCY.KEY_REUSED', {
    th: 'Idempotency-Key นี้ถูกใช้กับคำขออื่นแล้ว',
    en: 'This Idempotency-Key was already used with a different request',
  });

export const idempotencyKeyInProgress = () =>
  new HttpProblem(
    409,
    'IDEMPOTENCY.IN_PROGRESS',
    {
      th: 'คำขอที่ใช้ Idempotency-Key นี้กำลังดำเนินการอยู่ กรุณาลองใหม่อีกครั้ง',
      en: 'A request with this Idempotency-Key is still in progress; retry shortly',
    },
    {},
    { 'Retry-After': '1' },
  );

export const idempotencyKeyMalformed = () =>
  new HttpProblem(400, 'IDEMPOTENCY.KEY_MALFORMED', {
    th: 'Idempotency-Key ต้องยาว 1–200 ตัวอักษรที่พิมพ์ได้',
    en: 'Idempotency-Key must be 1–200 printable characters',
  });

export const viewLagging = (position: bigint) =>
  new HttpProblem(
    503,
    'PROJECTION.LAGGING',
    {
      th: 'มุมมองข้อมูลยังปรับปรุงไม่ถึงการเปลี่ยนแปลงล่าสุด กรุณาลองอีกครั้ง',
      en: 'The view has not yet caught up with your change; retry shortly',
    },
    { minPosition: position.toString() },
    { 'Retry-After': '1' },
  );

export const viewStalled = (position: bigint, projections: readonly string[]) =>
  new HttpProblem(
    503,
    'PROJECTION.STALLED',
    {
      th: 'มุมมองข้อมูลนี้หยุดปรับปรุงที่เหตุการณ์ที่ประมวลผลไม่ได้ ผู้ดูแลระบบเห็นได้ที่ /health แล้ว ส่วนอื่นของระบบยังใช้งานได้ตามปกติ',
      en: 'This view stopped updating at an event it could not apply; operators see it in /health; the rest of the service works as usual',
    },
    { minPosition: position.toString(), projections: [...projections] },
    { 'Retry-After': '30' },
  );

export const minPositionMalformed = () =>
  new HttpProblem(400, 'REQUEST.MIN_POSITION_MALFORMED', {
    th: 'minPosition ต้องเป็นจำนวนเต็มบวก',
    en: 'minPosition must be a positive whole number',
  });

export const minPositionNotWritten = (position: bigint, head: bigint) =>
  new HttpProblem(
    400,
    'PROJECTION.POSITION_NOT_WRITTEN',
    {
      th: `ตำแหน่ง ${position} ยังไม่เคยถูกบันทึก (ตำแหน่งล่าสุดคือ ${head}) ใช้ค่า X-Ruamjai-Position ที่ได้จากคำสั่ง`,
      en: `Position ${position} was never written (the log's head is ${head}); send the X-Ruamjai-Position a command answered with`,
    },
    { minPosition: position.toString(), headPosition: head.toString() },
  );
