/**
 * What kind of refusal a domain error is. The HTTP layer maps kinds to status codes in one place;
 * the domain never speaks HTTP.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'gone' | 'unavailable';

export interface LocalisedText {
  readonly th: string;
  readonly en: string;
}

/** A refusal with a stable code and a message in Thai and English. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  protected constructor(
    readonly text: LocalisedText,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}
