import { MAX_JSON_DEPTH, parseJsonBody } from './json-body';
import { HttpProblem } from './problem';

const codeOf = (text: string): string | undefined => {
  try {
    parseJsonBody(text);
    return undefined;
  } catch (error) {
    return error instanceof HttpProblem ? error.code : 'thrown';
  }
};

describe('a JSON body the API takes', () => {
  it('parses ordinary bodies, brackets inside strings included', () => {
    expect(parseJsonBody('{"reason":"[[[{{{ ในวงเล็บ","n":[1,[2]]}')).toEqual({ reason: '[[[{{{ ในวงเล็บ', n: [1, [2]] });
  });
  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels before parsing it`, () => {
    expect(codeOf('['.repeat(1500) + ']'.repeat(1500))).toBe('REQUEST.TOO_DEEP');
    expect(codeOf('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1))).toBe('REQUEST.TOO_DEEP');
    expect(codeOf('{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
  });
  it.each(['constructor', 'prototype', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'refuses a field named %s, at any depth',
    (key) => {
      expect(codeOf(`{"${key}":{}}`)).toBe('REQUEST.INVALID');
      expect(codeOf(`{"person":{"names":[{"${key}":1}]}}`)).toBe('REQUEST.INVALID');
    },
  );
  it('answers malformed JSON with its own code', () => {
    expect(codeOf('{"a":')).toBe('REQUEST.MALFORMED_JSON');
  });
});
