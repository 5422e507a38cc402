import type { FastifySerializerCompiler } from 'fastify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { type $ZodIssue, $ZodRealError, $ZodType, _safeParse, type ParseContext } from 'zod/v4/core';

/**
 * What zod's `safeEncode` passes on to its parse (`ParseContextInternal`): codecs run backward, synchronously. Every
 * key zod adds to a context by spreading it is already here, so its spreads overwrite instead of adding: `async`, and
 * `skipChecks` (false, as when absent), which a backward run sets in the copy it makes for a first pass without
 * checks, in every schema that has checks.
 */
const ENCODING = { direction: 'backward', async: false, skipChecks: false } as ParseContext<$ZodIssue>;
const encode = _safeParse($ZodRealError);

/**
 * fastify-type-provider-zod's response serializer, but for one object a response. Its `safeEncode` spreads the parse
 * context into a new object and adds a key (`{ ...ctx, async: false }`). V8 in Node 20 gives each object built that
 * way a hidden class of its own, in the old generation: one per response (and one per checked schema in it), filling
 * it until a full collection (bench/README.md, messaging, thirteenth round). Here the context holds those keys before
 * zod's spreads. The same check (encode: codecs run backward), the same errors.
 */
export const serializerCompiler: FastifySerializerCompiler<$ZodType | { properties: $ZodType }> = ({ schema: maybeSchema, method, url }) => {
  const schema = resolveSchema(maybeSchema);
  return (data: unknown) => {
    const result = encode(schema, data, ENCODING);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};

function resolveSchema(maybeSchema: unknown): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  if (properties instanceof $ZodType) return properties;
  throw new InvalidSchemaError(JSON.stringify(maybeSchema));
}
