import { ApiOperation } from '@nestjs/swagger';

/**
 * Keeps a route's OpenAPI operation id as it was when one controller served several use cases:
 * Nest names an operation Controller_method, and the console's generated client
 * (apps/console/src/api/schema.d.ts) is keyed by those names.
 */
export const OperationId = (operationId: string): MethodDecorator => ApiOperation({ operationId });
