/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One operation of the document, as the fuzzer uses it. */
export interface Operation {
  readonly id: string;
  readonly method: string;
  /** The path template, e.g. /api/v1/plans/{planId}/projects. */
  readonly path: string;
  readonly pathParams: readonly Parameter[];
  readonly queryParams: readonly Parameter[];
  readonly headerParams: readonly Parameter[];
  /** The JSON body schema, resolved; undefined when the operation takes no body. */
  readonly body?: Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        body: json ? resolve(doc, json) : undefined,
      });
    }
  }
  return ops;
}

/** Resolves $ref and allOf all the way down (the document has no recursive schemas). */
export function resolve(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 20) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(doc, { ...target, ...withoutRef(schema) }, depth + 1);
  }
  const out: Schema = { ...schema };
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s, depth + 1));
    delete out.allOf;
    for (const part of parts) {
      Object.assign(out, {
        ...part,
        properties: { ...out.properties, ...part.properties },
        required: [...(out.required ?? []), ...(part.required ?? [])],
      });
    }
  }
  if (out.oneOf) out.oneOf = out.oneOf.map((s) => resolve(doc, s, depth + 1));
  if (out.anyOf) out.anyOf = out.anyOf.map((s) => resolve(doc, s, depth + 1));
  if (out.items) out.items = resolve(doc, out.items, depth + 1);
  if (out.properties)
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, s]) => [k, resolve(doc, s, depth + 1)]),
    );
  if (out.additionalProperties && typeof out.additionalProperties === 'object')
    out.additionalProperties = resolve(doc, out.additionalProperties, depth + 1);
  return out;
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}
