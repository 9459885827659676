import { HttpProblem } from './problem';

/** Deeper than any command's body needs (the deepest DTO nests three levels). */
export const MAX_JSON_DEPTH = 32;
/** Keys that name the object machinery rather than a field: refused like any unknown field, never dropped. */
// Object.prototype's own names include __proto__ and constructor.
const FORBIDDEN_KEYS = new Set(['prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

const tooDeep = () =>
  new HttpProblem(400, 'REQUEST.TOO_DEEP', {
    th: `ข้อมูล JSON ซ้อนกันลึกเกิน ${MAX_JSON_DEPTH} ชั้น`,
    en: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
  });

const malformed = () =>
  new HttpProblem(400, 'REQUEST.MALFORMED_JSON', {
    th: 'ข้อมูล JSON ที่ส่งมาไม่ถูกต้องตามรูปแบบ',
    en: 'The body is not well-formed JSON',
  });

/** Depth of nesting, counted on the text without parsing it (brackets inside strings do not count). */
function depthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The first key (as a field path) that names object machinery, looked for without recursion. */
function forbiddenKey(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const field = Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return field;
      stack.push({ value: (current as Record<string, unknown>)[key], path: field });
    }
  }
  return undefined;
}

/**
 * Parses a JSON body for the API: too deep a nesting is refused before parsing (it overflowed the
 * stack of the validators and the idempotency fingerprint), and so is any field named __proto__,
 * constructor or prototype.
 */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) return undefined;
  if (depthExceeds(text, MAX_JSON_DEPTH)) throw tooDeep();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed();
  }
  const key = forbiddenKey(value);
  if (key !== undefined) {
    throw new HttpProblem(
      400,
      'REQUEST.INVALID',
      { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request is not valid' },
      {
        errors: [
          {
            field: key,
            problem: `ไม่รู้จักช่อง ${key}`,
            problems: [{ th: `ไม่รู้จักช่อง ${key}`, en: `property ${key} should not exist` }],
          },
        ],
      },
    );
  }
  return value;
}
