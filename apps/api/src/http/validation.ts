import { ValidationPipe, type ValidationError } from '@nestjs/common';

/** A request body or parameter that breaks its DTO's rules. */
export class RequestValidationError extends Error {
  constructor(readonly fields: Array<{ field: string; problems: string[] }>) {
    super('request validation failed');
    this.name = 'RequestValidationError';
  }
}

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
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
