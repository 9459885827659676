import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Operation, Schema } from './openapi';

/**
 * Request generation from the OpenAPI document: a valid-ish request for an operation (real ids of
 * seeded resources, values that fit the schema) and the ways to spoil it. Everything here is
 * symbolic or plain data, so that one seed gives the same requests on every run.
 */

/** Raw JSON text placed where a value would go: deep nesting, 1e400, duplicate keys. */
export class RawJson {
  constructor(
    readonly text: string,
    /** What the text is, for reports (the text itself can be 60 KB). */
    readonly sketch: string,
    /** A bash word that expands to the text, for repros. */
    readonly shell: string = `'${text.replace(/'/g, "'\\''")}'`,
  ) {}
}

export type Role =
  'coordinator' | 'chair' | 'officer_owner' | 'officer_lead' | 'auditor' | 'viewer' | 'anonymous' | 'bad_token';
export const ROLES: readonly Role[] = [
  'coordinator',
  'chair',
  'officer_owner',
  'officer_lead',
  'auditor',
  'viewer',
  'anonymous',
  'bad_token',
];

export type PathValue =
  { readonly kind: 'real' } | { readonly kind: 'raw'; readonly text: string; readonly what: string };

export type BodySpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown; readonly unknownKey?: string }
  | { readonly kind: 'bytes'; readonly bytes: Buffer; readonly what: string };

export type RawFlavour =
  | 'bare-lf-line-ends'
  | 'bare-lf-in-header-value'
  | 'header-over-16kb'
  | 'many-headers-over-16kb'
  | 'utf8-bytes-in-target'
  | 'nul-in-header'
  | 'rtl-mark-in-header'
  | 'bad-percent-in-target'
  | 'id-of-5000-chars'
  | 'content-length-and-chunked'
  | 'two-content-lengths'
  | 'space-in-method'
  | 'obs-fold-header'
  | 'body-shorter-than-content-length';
export const RAW_FLAVOURS: readonly RawFlavour[] = [
  'bare-lf-line-ends',
  'bare-lf-in-header-value',
  'header-over-16kb',
  'many-headers-over-16kb',
  'utf8-bytes-in-target',
  'nul-in-header',
  'rtl-mark-in-header',
  'bad-percent-in-target',
  'id-of-5000-chars',
  'content-length-and-chunked',
  'two-content-lengths',
  'space-in-method',
  'obs-fold-header',
  'body-shorter-than-content-length',
];

export interface FuzzCase {
  readonly op: Operation;
  readonly role: Role;
  /** Another method on the same path, to reach 404/405 handling. */
  readonly methodOverride?: string;
  readonly path: readonly PathValue[];
  /** The query string as sent, without "?"; may be deliberately mis-encoded. */
  readonly query: string;
  /** An If-Match value as sent, or 'current' (the resource's ETag) or 'none' (no header). */
  readonly ifMatch: string;
  /** An Idempotency-Key as sent, or 'none', 'fresh' (a new key) or 'reused' (the previous one). */
  readonly idempotencyKey: string;
  readonly extraHeaders: ReadonlyArray<readonly [string, string]>;
  readonly body: BodySpec;
  /** Set for requests that must go out as raw bytes on a socket. */
  readonly raw?: RawFlavour;
  /** Which seeded plan real plan ids point at. */
  readonly plan: 'drafted' | 'approved';
  /** What was spoilt, for grouping failures: e.g. "body.target=1e-7", "path=bad-percent". */
  readonly labels: readonly string[];
}

/** The seeded, real state the valid parts of requests refer to. */
export interface ProjectIds {
  readonly projectId: string;
  readonly activityId: string;
  readonly kpiId: string;
  readonly lineId: string;
  readonly requestId: string;
}

export interface PlanIds extends ProjectIds {
  readonly planId: string;
  /** A second project, for the routes that end things. */
  readonly spare: ProjectIds;
}

interface CaseIds {
  readonly caseId: string;
  readonly referralId: string;
  readonly commitmentId: string;
  readonly agencyCode: string;
  /** A person of the user directory (a viewer, so no second factor). */
  readonly username: string;
}

export interface RealIds extends CaseIds {
  readonly plans: { readonly drafted: PlanIds; readonly approved: PlanIds };
  /** A second case, referral, pledge and agency, for the routes that end things. */
  readonly spare: CaseIds;
}

// ---------------------------------------------------------------------------------------------
// Nasty values

const DEEP = 1500;
const times = (text: string, n: number) => `"$(printf '${text}%.0s' $(seq ${n}))"`;
export const deepArray = (n: number) =>
  new RawJson('['.repeat(n) + ']'.repeat(n), `<array nested ${n} deep>`, times('[', n) + times(']', n));
export const deepObject = (n: number) =>
  new RawJson(
    '{"a":'.repeat(n) + '1' + '}'.repeat(n),
    `<object nested ${n} deep>`,
    `${times('{"a":', n)}1${times('}', n)}`,
  );
const longArray = (n: number) =>
  new RawJson(
    JSON.stringify(Array.from({ length: n }, (_, i) => i)),
    `<array of ${n} numbers>`,
    `"[$(seq -s, 0 ${n - 1})]"`,
  );

/** Strings that break careless code: bidi marks, NUL, lone surrogates, Thai combining marks, injections. */
export const NASTY_STRINGS: ReadonlyArray<readonly [string, string]> = [
  ['', 'empty'],
  ['   ', 'blanks'],
  ['\u200F', 'rtl-mark'],
  ['\u202Eคดี\u202C', 'rtl-override'],
  ['ก\u200Fข\u200E', 'bidi-marks-in-thai'],
  ['a\u0000b', 'nul-inside'],
  ['\u0000', 'nul'],
  ['\uD800', 'lone-high-surrogate'],
  ['x\uDC00y', 'lone-low-surrogate'],
  ['ก\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E47', 'stacked-thai-marks'],
  ['\u0E31'.repeat(200), 'thai-marks-only'],
  ['\u200B\u200C\u200D\uFEFF', 'zero-width'],
  ['👩‍👩‍👧‍👦', 'emoji-zwj'],
  ['\r\n\t', 'controls'],
  ['x'.repeat(10_000), '10k-chars'],
  ['ก'.repeat(10_000), '10k-thai-chars'],
  ["' OR 1=1 --", 'sql'],
  ['<script>alert(1)</script>', 'html'],
  ['=HYPERLINK("http://x/"&A1,"x")', 'formula'],
  ['../../etc/passwd', 'dot-dot'],
  ['${7*7}{{7*7}}', 'template'],
  ['__proto__', 'proto-name'],
  ['constructor', 'constructor-name'],
  ['NaN', 'nan-text'],
  ['1e-7', 'exponent-text'],
  ['2019-02-30', 'impossible-date'],
  ['2562-13-45', 'bad-be-date'],
  ['0000-00-00', 'zero-date'],
  ['2019-05-20T25:61:00Z', 'bad-time'],
  ['00000000-0000-0000-0000-000000000000', 'nil-uuid'],
  ['TH-27\n', 'trailing-newline'],
];

export const NASTY_NUMBERS: ReadonlyArray<readonly [number, string]> = [
  [0, '0'],
  [-0, '-0'],
  [-1, '-1'],
  [1e-7, '1e-7'],
  [0.1 + 0.2, '0.30000000000000004'],
  [0.005, '0.005'],
  [1.5, '1.5'],
  [1e308, '1e308'],
  [-1e308, '-1e308'],
  [5e-324, '5e-324'],
  [Number.MAX_SAFE_INTEGER, 'MAX_SAFE_INTEGER'],
  [Number.MAX_SAFE_INTEGER + 2, 'MAX_SAFE_INTEGER+1'],
  [Number.MIN_SAFE_INTEGER - 2, 'MIN_SAFE_INTEGER-1'],
  [2 ** 31, '2^31'],
  [1e21, '1e21'],
  [2562, '2562'],
];

const RAW_NUMBERS: ReadonlyArray<readonly [string, string]> = [
  ['1e400', '1e400'],
  ['-1e400', '-1e400'],
  ['1E-7', '1E-7'],
  ['1.0', '1.0'],
  ['-0.0', '-0.0'],
  ['123456789012345678901234567890', '30-digit-integer'],
];

/** Lone surrogates, marks and controls mixed into otherwise random text. */
const unicodeUnit = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '\u200F',
      '\u200E',
      '\u202E',
      '\u0000',
      '\uD800',
      '\uDFFF',
      '\u0E48',
      '\u0E31',
      '\uFEFF',
      '\n',
      'ก',
      'a',
    ),
    weight: 1,
  },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
);
const unicodeString = fc.string({ unit: unicodeUnit, minLength: 1, maxLength: 40 });

const wrongTypes: ReadonlyArray<readonly [unknown, string]> = [
  [null, 'null'],
  [true, 'true'],
  [false, 'false'],
  [[], 'empty-array'],
  [{}, 'empty-object'],
  [[1, 'a', null], 'mixed-array'],
  [{ a: 1 }, 'object'],
  ['1', 'numeric-string'],
  [1, 'number'],
  ['ทดสอบ', 'thai-string'],
];

/** Keys that reach Object.prototype if code copies fields carelessly. */
export const PROTO_KEYS = [
  'constructor',
  'prototype',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'unknownField',
];

/** An object with an own property named key (an object literal would set the prototype for __proto__). */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

type Labelled = { readonly value: unknown; readonly label: string };

export const nastyValue: fc.Arbitrary<Labelled> = fc.oneof(
  {
    arbitrary: fc.constantFrom(...NASTY_STRINGS).map(([value, label]) => ({ value, label: `string:${label}` })),
    weight: 6,
  },
  {
    arbitrary: fc.constantFrom(...NASTY_NUMBERS).map(([value, label]) => ({ value, label: `number:${label}` })),
    weight: 6,
  },
  {
    arbitrary: fc
      .constantFrom(...RAW_NUMBERS)
      .map(([text, label]) => ({ value: new RawJson(text, text), label: `number:${label}` })),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(...wrongTypes).map(([value, label]) => ({ value, label: `wrong-type:${label}` })),
    weight: 5,
  },
  { arbitrary: unicodeString.map((value) => ({ value, label: 'string:random-unicode' })), weight: 3 },
  { arbitrary: fc.double().map((value) => ({ value, label: 'number:random-double' })), weight: 2 },
  {
    arbitrary: fc.constantFrom(DEEP, 64, 10_000).map((n) => ({ value: deepArray(n), label: `deep-array:${n}` })),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(DEEP, 64, 10_000).map((n) => ({ value: deepObject(n), label: `deep-object:${n}` })),
    weight: 1,
  },
  {
    arbitrary: fc
      .constantFrom(...PROTO_KEYS)
      .map((k) => ({ value: withKey({}, k, { polluted: true }), label: `object-with-key:${k}` })),
    weight: 1,
  },
  { arbitrary: fc.constant({ value: longArray(10_000), label: 'array:10k-items' }), weight: 1 },
);

const nastyNumber: fc.Arbitrary<Labelled> = fc.oneof(
  {
    arbitrary: fc.constantFrom(...NASTY_NUMBERS).map(([value, label]) => ({ value, label: `number:${label}` })),
    weight: 3,
  },
  {
    arbitrary: fc
      .constantFrom(...RAW_NUMBERS)
      .map(([text, label]) => ({ value: new RawJson(text, text), label: `number:${label}` })),
    weight: 1,
  },
);
const nastyString: fc.Arbitrary<Labelled> = fc.oneof(
  {
    arbitrary: fc.constantFrom(...NASTY_STRINGS).map(([value, label]) => ({ value, label: `string:${label}` })),
    weight: 3,
  },
  { arbitrary: unicodeString.map((value) => ({ value, label: 'string:random-unicode' })), weight: 1 },
);

/** A spoilt value for a place, most often of the same type as the value there, so that it reaches the type's checks. */
function nastyFor(value: unknown): fc.Arbitrary<Labelled> {
  if (typeof value === 'number')
    return fc.oneof({ arbitrary: nastyNumber, weight: 3 }, { arbitrary: nastyValue, weight: 1 });
  if (typeof value === 'string')
    return fc.oneof({ arbitrary: nastyString, weight: 3 }, { arbitrary: nastyValue, weight: 1 });
  return nastyValue;
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined),
    value,
  );
}

// ---------------------------------------------------------------------------------------------
// Valid-ish values from the schema

const DATES = ['2019-07-01', '2019-07-02', '2019-05-21'];

/** Values that pass for fields named like this, whatever their schema says. */
function knownByName(name: string, ids: RealIds): unknown[] {
  const n = name.toLowerCase();
  if (n === 'minposition') return ['1'];
  if (n === 'revision' || n === 'from') return ['0'];
  if (n === 'to') return ['1'];
  if (n === 'districtcode') return ['2706', '2701'];
  if (n === 'districtcodes') return [['2706', '2708']];
  if (n === 'provincecode') return ['TH-27'];
  if (n === 'fiscalyear') return [2562];
  if (n === 'code') return ['FUZZ-NEW'];
  if (n.endsWith('agencycodes') || n === 'agencies') return [['IMM-SK']];
  if (n.endsWith('agencycode') || n === 'toagency' || n === 'decidingagency' || n === 'agency' || n === 'fromagency')
    return ['PSDHS-SK', 'SHELTER-SK', 'IMM-SK'];
  if (n === 'caseid') return [ids.caseId];
  if (n === 'planid') return [ids.plans.drafted.planId];
  if (n === 'projectid') return [ids.plans.drafted.projectId];
  if (n === 'budgetlineid' || n === 'lineid') return [ids.plans.approved.lineId];
  if (n === 'referralid') return [ids.referralId];
  if (n === 'casemanagerid') return ['malee.s'];
  if (n === 'username') return [ids.username, 'fuzz.new'];
  if (n === 'targets' || n === 'participantsreached') return [{ women: 5 }, { children: 2, women: 3 }];
  if (n === 'targetgroups') return [['children', 'women']];
  if (n.endsWith('satang')) return [100_000, 1];
  if (n === 'quantity' || n === 'target' || n === 'actual') return [5, 50];
  if (n === 'person')
    return [{ givenName: 'Fuzz (fictional)', familyName: 'Testperson', dateOfBirth: '2006-02-01', nationality: 'KHM' }];
  if (n.endsWith('on') || n.endsWith('date')) return DATES;
  if (n === 'meetingreference') return ['ครั้งที่ 1/2562'];
  if (n === 'reason' || n === 'note' || n === 'justification' || n.endsWith('th') || n === 'summary' || n === 'purpose')
    return ['ทดสอบการฟัซ', 'ตรวจสอบข้อมูล'];
  return [];
}

const GENERIC_STRINGS = [
  'ทดสอบ',
  'test',
  '2706',
  'PSDHS-SK',
  'TH-27',
  '2019-07-01',
  '2019-07-01T03:00:00Z',
  '6f1c2a5e-8d3b-4c1a-9e7f-0a1b2c3d4e5f',
  'ครั้งที่ 1/2562',
];

function stringCandidates(name: string, schema: Schema, ids: RealIds): unknown[] {
  if (schema.enum?.length) return schema.enum;
  if (schema.format === 'uuid') return [ids.caseId, '00000000-0000-4000-8000-000000000000'];
  if (schema.format === 'date-time') return ['2019-07-01T03:00:00Z'];
  if (schema.format === 'date') return DATES;
  const fits = (v: unknown) => {
    if (typeof v !== 'string') return true;
    if (schema.minLength !== undefined && v.length < schema.minLength) return false;
    if (schema.maxLength !== undefined && v.length > schema.maxLength) return false;
    if (schema.pattern) {
      try {
        return new RegExp(schema.pattern, 'u').test(v);
      } catch {
        return true;
      }
    }
    return true;
  };
  const named = knownByName(name, ids).filter(fits);
  if (named.length) return named;
  const examples = [schema.example, schema.default].filter((v) => v !== undefined && fits(v));
  if (examples.length) return examples;
  const generic = GENERIC_STRINGS.filter(fits);
  return generic.length ? generic : ['ทดสอบ'];
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum?.length) return typeof schema.enum[0];
  return undefined;
}

/** A value that should pass the schema, or come close. */
export function validValue(name: string, schema: Schema, ids: RealIds, depth = 0): fc.Arbitrary<unknown> {
  const named = knownByName(name, ids);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => validValue(name, v, ids, depth + 1)));
  switch (typeOf(schema)) {
    case 'string':
      return fc.constantFrom(...stringCandidates(name, schema, ids));
    case 'integer':
    case 'number': {
      if (schema.enum?.length) return fc.constantFrom(...schema.enum);
      const fitting = named.filter(
        (v): v is number =>
          typeof v === 'number' &&
          (schema.minimum === undefined || v >= schema.minimum) &&
          (schema.maximum === undefined || v <= schema.maximum),
      );
      if (fitting.length) return fc.constantFrom(...fitting);
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? min + 100, min + 100);
      return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (named.length && Array.isArray(named[0])) return fc.constantFrom(...named);
      const items = schema.items ?? { type: 'string' };
      if (items.enum?.length) return fc.subarray(items.enum, { minLength: Math.max(1, schema.minItems ?? 1) });
      if (depth > 4) return fc.constant([]);
      return fc.array(validValue(name, items, ids, depth + 1), {
        minLength: schema.minItems ?? 1,
        maxLength: Math.max(schema.minItems ?? 1, 2),
      });
    }
    case 'object': {
      if (named.length && typeof named[0] === 'object') return fc.constantFrom(...named);
      if (depth > 4 || !schema.properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties).map(([key, s]) => {
        const arb = validValue(key, s, ids, depth + 1);
        // Optional fields come and go.
        return [key, required.has(key) ? arb : fc.option(arb, { nil: undefined, freq: 2 })] as const;
      });
      return fc.tuple(...fields.map(([, arb]) => arb)).map((values) => {
        const out: Record<string, unknown> = {};
        fields.forEach(([key], i) => {
          if (values[i] !== undefined) out[key] = values[i];
        });
        return out;
      });
    }
    default:
      return named.length ? fc.constantFrom(...named) : fc.constantFrom('ทดสอบ', 1, true);
  }
}

// ---------------------------------------------------------------------------------------------
// Body mutations

/** Every place in a JSON value a mutation can aim at, as key paths. */
function placesIn(
  value: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    if (out.length < 200) placesIn(child, path, out);
  }
  return out;
}

function setAt(value: unknown, path: ReadonlyArray<string | number>, replacement: unknown /* or REMOVE */): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === REMOVE) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === REMOVE) delete copy[String(head)];
  else
    Object.defineProperty(copy, String(head), {
      value: setAt(copy[String(head)], rest, replacement),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}
const REMOVE = Symbol('remove');

const bodyReplacements: ReadonlyArray<readonly [unknown, string]> = [
  [null, 'null'],
  [[], 'array'],
  ['text', 'string'],
  [42, 'number'],
  [true, 'boolean'],
  [{}, 'empty-object'],
  [deepArray(DEEP), `deep-array:${DEEP}`],
  [deepObject(DEEP), `deep-object:${DEEP}`],
  [deepArray(20_000), 'deep-array:20000'],
  [new RawJson('{"a":1,"a":2}', 'duplicate-keys'), 'duplicate-keys'],
  [JSON.parse('{"__proto__":{"polluted":true}}'), 'own-__proto__'],
];

const rawBodies: ReadonlyArray<readonly [Buffer, string, string]> = [
  [Buffer.from('{"a":'), 'application/json', 'truncated-json'],
  [Buffer.from(''), 'application/json', 'empty-with-json-type'],
  [Buffer.from('\uFEFF{}'), 'application/json', 'bom-prefix'],
  [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json', 'invalid-utf8'],
  [Buffer.from('{"x":"\\ud800"}'), 'application/json', 'escaped-lone-surrogate-key'],
  [Buffer.from('{} {}'), 'application/json', 'two-documents'],
  [Buffer.from('a=1&b=2'), 'application/x-www-form-urlencoded', 'form-urlencoded'],
  [Buffer.from('{}'), 'text/plain', 'text-plain'],
  [
    Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'),
    'multipart/form-data; boundary=x',
    'multipart',
  ],
  [Buffer.from('{}', 'utf16le'), 'application/json; charset=utf-16', 'utf16-body'],
  [Buffer.from('<a/>'), 'application/xml', 'xml'],
  [Buffer.from('{}'), 'application/json; charset=latin1', 'json-latin1'],
  [Buffer.from('{}'), 'application/json;;;', 'broken-content-type'],
  [Buffer.from('{"a":"' + 'x'.repeat(200 * 1024) + '"}'), 'application/json', 'over-body-limit'],
];

type BodyMutation = { readonly body: BodySpec; readonly label: string; readonly contentType?: string };

function mutateBody(base: unknown): fc.Arbitrary<BodyMutation> {
  const places = placesIn(base);
  const json = (value: unknown, label: string, unknownKey?: string): BodyMutation => ({
    body: { kind: 'json', value, unknownKey },
    label,
  });
  const options: Array<{ arbitrary: fc.Arbitrary<BodyMutation>; weight: number }> = [
    { arbitrary: fc.constant(json(base, 'body:valid-ish')), weight: 3 },
    { arbitrary: fc.constantFrom(...bodyReplacements).map(([v, l]) => json(v, `body=${l}`)), weight: 2 },
    {
      arbitrary: fc.constantFrom(...rawBodies).map(([bytes, type, l]) => ({
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc widens the literal without it
        body: { kind: 'bytes', bytes, what: l } as BodySpec,
        label: `body=${l}`,
        contentType: type,
      })),
      weight: 2,
    },
  ];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    options.push({
      arbitrary: fc
        .tuple(fc.constantFrom(...PROTO_KEYS), fc.constantFrom<unknown>({ polluted: true }, 1, 'x', null))
        .map(([key, v]) => json(withKey(base as Record<string, unknown>, key, v), `body+key:${key}`, key)),
      weight: 3,
    });
  }
  if (places.length) {
    options.push({
      arbitrary: fc
        .nat(places.length - 1)
        .chain((i) =>
          nastyFor(valueAt(base, places[i])).map((nasty) =>
            json(setAt(base, places[i], nasty.value), `field.${places[i].join('.')}=${nasty.label}`),
          ),
        ),
      weight: 10,
    });
    options.push({
      arbitrary: fc.nat(places.length - 1).map((i) => json(setAt(base, places[i], REMOVE), 'field:missing')),
      weight: 1,
    });
    const top = places.filter((p) => p.length === 1);
    if (top.length) {
      options.push({
        arbitrary: fc
          .nat(top.length - 1)
          .map((i) => json(setAt(base, top[i], REMOVE), `field:missing:${String(top[i][0])}`)),
        weight: 2,
      });
      options.push({
        arbitrary: fc
          .tuple(fc.nat(top.length - 1), fc.constantFrom<unknown>(null, {}, []))
          .map(([i, v]) => json(setAt(base, top[i], v), `field:${String(top[i][0])}=${JSON.stringify(v)}`)),
        weight: 2,
      });
    }
  }
  return fc.oneof(...options);
}

/** A bash word for a string: single-quoted, long runs of one character made by printf. */
export function shellWord(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const m of text.matchAll(/([A-Za-z0-9\u0E00-\u0E7F])\1{49,}/gu)) {
    if (m.index > at) parts.push(`'${text.slice(at, m.index).replace(/'/g, "'\\''")}'`);
    parts.push(`"$(printf '${m[1]}%.0s' $(seq ${[...m[0]].length}))"`);
    at = m.index + m[0].length;
  }
  if (at < text.length || !parts.length) parts.push(`'${text.slice(at).replace(/'/g, "'\\''")}'`);
  return parts.join('');
}

/** Turns a JSON body with RawJson parts into its text, a short sketch of it, and a bash word for it. */
export function serialise(value: unknown): { text: string; sketch: string; shell: string } {
  const raws: RawJson[] = [];
  const marker = `@@raw-${randomUUID()}@@`;
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v);
      return `${marker}${raws.length - 1}`;
    }
    return v;
  });
  if (text === undefined) return { text: '', sketch: '', shell: "''" };
  let full = text;
  let sketch = text;
  const shellParts: string[] = [];
  let rest = text;
  raws.forEach((raw, i) => {
    const placeholder = JSON.stringify(`${marker}${i}`);
    full = full.replace(placeholder, () => raw.text);
    sketch = sketch.replace(placeholder, () => raw.sketch);
    const at = rest.indexOf(placeholder);
    if (at > 0) shellParts.push(shellWord(rest.slice(0, at)));
    shellParts.push(raw.shell);
    rest = rest.slice(at + placeholder.length);
  });
  if (rest || !shellParts.length) shellParts.push(shellWord(rest));
  return {
    text: full,
    sketch: sketch.length > 400 ? `${sketch.slice(0, 400)}…(${Buffer.byteLength(full)} bytes)` : sketch,
    shell: shellParts.join(''),
  };
}

// ---------------------------------------------------------------------------------------------
// Path, query and headers

/** Percent-encodes the UTF-8 bytes of a string (lone surrogates become U+FFFD, as UTF-8 requires). */
export function pct(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const BAD_PERCENT: ReadonlyArray<readonly [string, string]> = [
  ['%', 'lone-percent'],
  ['%zz', 'percent-zz'],
  ['%E0%A4%A', 'truncated-utf8'],
  ['%C0%AF', 'overlong-utf8'],
  ['%ED%A0%80', 'encoded-lone-surrogate'],
  ['%FF%FE', 'invalid-utf8'],
  ['%00', 'encoded-nul'],
  ['%E2%80%8F', 'encoded-rtl-mark'],
];

function allIds(ids: RealIds): string[] {
  const plan = (p: PlanIds) => [p.planId, p.projectId, p.activityId, p.kpiId, p.requestId];
  return [
    ...plan(ids.plans.drafted),
    ...plan(ids.plans.approved),
    ids.caseId,
    ids.referralId,
    ids.commitmentId,
    ids.agencyCode,
    ids.username,
  ];
}

function pathValue(ids: RealIds): fc.Arbitrary<PathValue> {
  const raw = (text: string, what: string): PathValue => ({ kind: 'raw', text, what });
  return fc.oneof(
    { arbitrary: fc.constant<PathValue>({ kind: 'real' }), weight: 12 },
    { arbitrary: fc.uuid().map((u) => raw(u, 'random-uuid')), weight: 2 },
    { arbitrary: fc.constantFrom(...allIds(ids)).map((id) => raw(pct(id), 'other-resource-id')), weight: 2 },
    { arbitrary: fc.constantFrom(...BAD_PERCENT).map(([t, w]) => raw(t, w)), weight: 2 },
    {
      arbitrary: fc
        .constantFrom(...NASTY_STRINGS.filter(([s]) => s.length > 0))
        .map(([s, w]) => raw(pct(s), `string:${w}`)),
      weight: 2,
    },
    { arbitrary: unicodeString.map((s) => raw(pct(s), 'random-unicode')), weight: 1 },
    { arbitrary: fc.constantFrom(...NASTY_NUMBERS).map(([n, w]) => raw(pct(String(n)), `number:${w}`)), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        raw('a'.repeat(5000), '5000-chars'),
        raw('..', 'dot-dot'),
        raw('%2F', 'encoded-slash'),
        raw('%2E%2E', 'encoded-dot-dot'),
        raw('00000000-0000-0000-0000-000000000000', 'nil-uuid'),
      ),
      weight: 2,
    },
  );
}

type Query = { readonly text: string; readonly labels: readonly string[] };

/** The declared query parameters, each left out or given a fitting value. */
function validQuery(op: Operation, ids: RealIds): fc.Arbitrary<Query> {
  const params = op.queryParams.map((p) =>
    fc.option(
      validValue(p.name, p.schema ?? { type: 'string' }, ids).map((v) => `${p.name}=${pct(String(v))}`),
      { nil: undefined, freq: p.required ? 1000 : 2 },
    ),
  );
  return fc
    .tuple(...params)
    .map((values) => ({ text: values.filter((v): v is string => v !== undefined).join('&'), labels: [] }));
}

/** One declared parameter spoilt (or repeated), or an unknown one added. */
function spoiltQuery(op: Operation, ids: RealIds): fc.Arbitrary<Query> {
  const extra = fc.constantFrom(
    'unknown=1',
    '__proto__[x]=1',
    'constructor=1',
    '%zz=1',
    'a[b][c][d][e][f]=1',
    '=',
    '&&&',
    `${'k'.repeat(3000)}=1`,
  );
  const withExtra = fc.tuple(validQuery(op, ids), extra).map(([q, more]) => ({
    text: [q.text, more].filter(Boolean).join('&'),
    labels: [`query+${more.length > 40 ? 'long-name' : more}`],
  }));
  if (!op.queryParams.length) return withExtra;
  const one = fc.tuple(validQuery(op, ids), fc.nat(op.queryParams.length - 1), fc.boolean()).chain(([q, i, repeat]) => {
    const p = op.queryParams[i];
    const others = q.text.split('&').filter((pair) => pair && !pair.startsWith(`${p.name}=`));
    if (repeat) {
      return validValue(p.name, p.schema ?? { type: 'string' }, ids).map((v) => {
        const pair = `${p.name}=${pct(String(v))}`;
        return { text: [...others, pair, pair].join('&'), labels: [`query.${p.name}:repeated`] };
      });
    }
    return queryValue().map((v) => ({
      text: [...others, `${p.name}=${v.text}`].join('&'),
      labels: [`query.${p.name}=${v.label}`],
    }));
  });
  return fc.oneof({ arbitrary: one, weight: 4 }, { arbitrary: withExtra, weight: 1 });
}

function queryValue(): fc.Arbitrary<{ text: string; label: string }> {
  return fc.oneof(
    {
      arbitrary: nastyValue
        .filter((n) => typeof n.value === 'string' || typeof n.value === 'number')
        .map((n) => ({ text: pct(String(n.value)), label: n.label })),
      weight: 6,
    },
    { arbitrary: fc.constantFrom(...BAD_PERCENT).map(([t, w]) => ({ text: t, label: w })), weight: 2 },
    { arbitrary: fc.constant({ text: 'x'.repeat(5000), label: '5000-chars' }), weight: 1 },
    { arbitrary: fc.constant({ text: '', label: 'empty' }), weight: 1 },
  );
}

const IF_MATCH = [
  '"0"',
  '*',
  'W/"0"',
  '"-1"',
  '"99999999999999999999"',
  'garbage',
  '',
  '"1e-7"',
  '"0", "1"',
  '"' + 'x'.repeat(5000) + '"',
  '"0x10"',
  'null',
];
const IDEMPOTENCY = [
  '',
  'x'.repeat(300),
  'not a uuid',
  'ทดสอบ',
  '\u00ff\u00fe',
  '00000000-0000-0000-0000-000000000000',
];
const EXTRA_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Accept-Language', 'en'],
  ['Accept-Language', 'en;q=abc, th;q=-1'],
  ['Accept-Language', '*'],
  ['Accept', 'text/html'],
  ['Accept', 'application/xml'],
  ['X-Forwarded-For', '1.2.3.4, 5.6.7.8'],
  ['X-Correlation-Id', 'x'.repeat(200)],
  ['Content-Encoding', 'gzip'],
  ['X-HTTP-Method-Override', 'DELETE'],
];

/** Roles that may do most things come more often, so that valid requests reach the handlers. */
const ROLE_WEIGHTS: Record<Role, number> = {
  coordinator: 3,
  officer_owner: 2,
  officer_lead: 2,
  chair: 1,
  auditor: 1,
  viewer: 1,
  anonymous: 1,
  bad_token: 1,
};
const roleArb = fc.oneof(...ROLES.map((role) => ({ arbitrary: fc.constant(role), weight: ROLE_WEIGHTS[role] })));

type Focus =
  'none' | 'body' | 'path' | 'query' | 'if-match' | 'idempotency' | 'headers' | 'method' | 'raw' | 'everything';

/**
 * Every way one operation is called. Most requests spoil one thing only (the body, a path
 * parameter, the query, a header, the framing) and keep the rest valid, so that a failure points at
 * its cause and the valid parts reach the handlers; a few spoil everything at once.
 */
export function fuzzCase(op: Operation, ids: RealIds): fc.Arbitrary<FuzzCase> {
  const base = op.body ? validValue('', op.body, ids) : fc.constant(undefined);
  const validBody = base.map<BodyMutation>((b) =>
    op.body
      ? { body: { kind: 'json', value: b }, label: 'body:valid-ish' }
      : { body: { kind: 'none' }, label: 'body:none' },
  );
  const spoiltBody: fc.Arbitrary<BodyMutation> = op.body
    ? base.chain((b) => mutateBody(b))
    : fc.oneof(
        {
          arbitrary: nastyValue.map((n) => ({
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc widens the literal without it
            body: { kind: 'json', value: n.value } as BodySpec,
            label: `unexpected-body=${n.label}`,
          })),
          weight: 2,
        },
        {
          arbitrary: fc.constantFrom(...rawBodies).map(([bytes, type, l]) => ({
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc widens the literal without it
            body: { kind: 'bytes', bytes, what: l } as BodySpec,
            label: `unexpected-body=${l}`,
            contentType: type,
          })),
          weight: 1,
        },
      );
  const realPath = fc.constant(op.pathParams.map((): PathValue => ({ kind: 'real' })));
  const spoiltPath = op.pathParams.length
    ? fc
        .tuple(
          fc.nat(op.pathParams.length - 1),
          pathValue(ids).filter((v) => v.kind === 'raw'),
        )
        .map(([i, v]) => op.pathParams.map((_, j): PathValue => (i === j ? v : { kind: 'real' })))
    : realPath;
  const spoiltIfMatch = fc.oneof(
    { arbitrary: fc.constant('none'), weight: 1 },
    { arbitrary: fc.constantFrom(...IF_MATCH), weight: 4 },
  );
  const spoiltIdempotency = fc.oneof(
    { arbitrary: fc.constant('reused'), weight: 3 },
    { arbitrary: fc.constantFrom(...IDEMPOTENCY), weight: 2 },
  );
  const spoiltHeaders = fc.subarray([...EXTRA_HEADERS], { minLength: 1, maxLength: 2 });
  const otherMethod = fc.constantFrom(
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
    'HEAD',
    'TRACE',
    op.method === 'GET' ? 'POST' : 'GET',
  );
  const focus = fc.oneof(
    { arbitrary: fc.constant<Focus>('none'), weight: 6 },
    { arbitrary: fc.constant<Focus>('body'), weight: op.body ? 14 : 2 },
    { arbitrary: fc.constant<Focus>('path'), weight: op.pathParams.length ? 5 : 0 },
    { arbitrary: fc.constant<Focus>('query'), weight: op.queryParams.length ? 4 : 1 },
    { arbitrary: fc.constant<Focus>('if-match'), weight: 2 },
    { arbitrary: fc.constant<Focus>('idempotency'), weight: op.method === 'GET' ? 1 : 2 },
    { arbitrary: fc.constant<Focus>('headers'), weight: 1 },
    { arbitrary: fc.constant<Focus>('method'), weight: 1 },
    { arbitrary: fc.constant<Focus>('raw'), weight: 2 },
    { arbitrary: fc.constant<Focus>('everything'), weight: 1 },
  );
  return fc
    .record({
      focus,
      role: roleArb,
      plan: fc.constantFrom<'drafted' | 'approved'>('drafted', 'approved'),
      validBody,
      spoiltBody,
      spoiltPath,
      validQuery: validQuery(op, ids),
      spoiltQuery: spoiltQuery(op, ids),
      spoiltIfMatch,
      validIdempotency: fc.constantFrom('none', 'fresh'),
      spoiltIdempotency,
      spoiltHeaders,
      otherMethod,
      raw: fc.constantFrom(...RAW_FLAVOURS),
      real: realPath,
    })
    .map((r) => {
      const all = r.focus === 'everything';
      const on = (f: Focus) => all || r.focus === f;
      const body = on('body') ? r.spoiltBody : r.validBody;
      const path = on('path') ? r.spoiltPath : r.real;
      const query = on('query') ? r.spoiltQuery : r.validQuery;
      const ifMatch = on('if-match') ? r.spoiltIfMatch : 'current';
      const idem = on('idempotency') ? r.spoiltIdempotency : r.validIdempotency;
      const headers = on('headers') ? r.spoiltHeaders : [];
      const method = on('method') ? r.otherMethod : undefined;
      const raw = on('raw') ? r.raw : undefined;
      const labels: string[] = [];
      if (body.label !== 'body:valid-ish' && body.label !== 'body:none') labels.push(body.label);
      path.forEach((p, i) => {
        if (p.kind === 'raw') labels.push(`path.${op.pathParams[i].name}=${p.what}`);
      });
      labels.push(...query.labels);
      if (ifMatch !== 'current')
        labels.push(`if-match=${ifMatch.length > 30 ? `${ifMatch.length}-chars` : ifMatch || 'empty'}`);
      if (on('idempotency'))
        labels.push(`idempotency-key=${idem.length > 30 ? `${idem.length}-chars` : idem || 'empty'}`);
      for (const [name, value] of headers)
        labels.push(`header:${name}=${value.length > 30 ? `${value.length}-chars` : value}`);
      if (method) labels.push(`method=${method}`);
      if (raw) labels.push(`raw:${raw}`);
      const extraHeaders: Array<readonly [string, string]> = [...headers];
      if (body.contentType) extraHeaders.push(['Content-Type', body.contentType]);
      return {
        op,
        role: r.role,
        methodOverride: method,
        path,
        query: query.text,
        ifMatch,
        idempotencyKey: idem,
        extraHeaders,
        body: body.body,
        raw,
        plan: r.plan,
        labels,
      } satisfies FuzzCase;
    });
}

/**
 * The boundary numbers, each once, in every numeric field of a valid body: random sampling alone
 * would leave most of these pairs untried. Two roles each, so that one of them passes the guards.
 */
export function numberSweep(op: Operation, ids: RealIds, seed: number): FuzzCase[] {
  if (!op.body) return [];
  const [base] = fc.sample(validValue('', op.body, ids), { seed, numRuns: 1 });
  const numeric = placesIn(base).filter((p) => typeof valueAt(base, p) === 'number');
  const values: Labelled[] = [
    ...NASTY_NUMBERS.map(([value, label]) => ({ value, label: `number:${label}` })),
    ...RAW_NUMBERS.map(([text, label]) => ({ value: new RawJson(text, text), label: `number:${label}` })),
  ];
  const roles: Role[] = op.path.startsWith('/api/v1/plans')
    ? ['coordinator', 'officer_lead']
    : ['officer_owner', 'coordinator'];
  return numeric.flatMap((place) =>
    values.flatMap((v) =>
      roles.map((role, r): FuzzCase => ({
        op,
        role,
        path: op.pathParams.map((): PathValue => ({ kind: 'real' })),
        query: '',
        ifMatch: 'current',
        idempotencyKey: 'none',
        extraHeaders: [],
        body: { kind: 'json', value: setAt(base, place, v.value) },
        plan: r === 0 ? 'approved' : 'drafted',
        labels: [`field.${place.join('.')}=${v.label}`],
      })),
    ),
  );
}
