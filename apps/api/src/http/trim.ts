import { Transform } from 'class-transformer';

/** Leading and trailing spaces are not content: "   " is an empty title, not a three-letter one. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
