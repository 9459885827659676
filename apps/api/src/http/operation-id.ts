import { ApiOperation } from '@nestjs/swagger';

/**
 * Keeps the OpenAPI operation id a route was published under when one controller served several
 * use cases: Nest names an operation Controller_method, and the console's generated client
 * (apps/console/src/api/schema.d.ts) is keyed by those names. Only the id: ApiOperation alone would
 * add an empty summary to the document.
 */
export const OperationId = (operationId: string): MethodDecorator => ApiOperation({ operationId, summary: undefined });
