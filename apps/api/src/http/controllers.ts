import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';

/*
 * The class decorators every controller of the API repeated. Nest applies a class's decorators
 * from the bottom up, and applyDecorators in the order given: the lists below keep the order the
 * classes had, so the OpenAPI document (and the console's client generated from it) stays as it
 * was.
 */

/** A controller for signed-in users (a bearer token), listed under its tag in the API's document. */
export const ApiController = (tag: string, path: string): ClassDecorator =>
  applyDecorators(Controller(path), ApiBearerAuth(), ApiTags(tag));

/**
 * A controller of commands on one stream that exists already: each call sends the ETag it read of
 * that stream as If-Match, and may send an Idempotency-Key.
 */
export const UpdateController = (tag: string, path: string, stream: 'plan' | 'case' | 'referral'): ClassDecorator =>
  applyDecorators(
    Controller(path),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
    ApiHeader({ name: 'If-Match', required: true, description: `The ${stream} ETag you read` }),
    ApiBearerAuth(),
    ApiTags(tag),
  );
