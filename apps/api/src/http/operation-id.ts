import { ApiOperation } from '@nestjs/swagger';

/**
 * Keeps the OpenAPI operation id a route was published under after it moved to another controller:
 * the default id names the controller class, and the console's typed client is keyed by it.
 * Only the id: ApiOperation alone would add an empty summary to the document.
 */
export const OperationId = (operationId: string) => ApiOperation({ operationId, summary: undefined });
