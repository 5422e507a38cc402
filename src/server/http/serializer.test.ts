import { isResponseSerializationError, serializerCompiler as libraryCompiler } from 'fastify-type-provider-zod';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer.ts';

// A response schema with what encoding changes: a codec (run backward: a Date out as its ISO text), an optional field
// and an unknown key left out.
const schema = z.object({
  id: z.uuid(),
  at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }),
  tags: z.array(z.string()),
  note: z.string().optional(),
});
const compile = (c: typeof serializerCompiler, s: unknown = schema) => c({ schema: s as never, method: 'GET', url: '/x', httpStatus: '200' });

describe('the response serializer', () => {
  test('writes what fastify-type-provider-zod writes', () => {
    const values = [
      { id: '0190c7f2-3c4e-7a8b-9c0d-1e2f3a4b5c6d', at: new Date('2026-11-23T08:00:00Z'), tags: ['a'], note: 'n', extra: 1 },
      { id: '0190c7f2-3c4e-7a8b-9c0d-1e2f3a4b5c6d', at: new Date('2026-01-01T00:00:00.123Z'), tags: [] },
    ];
    for (const v of values) expect(compile(serializerCompiler)(v)).toBe(compile(libraryCompiler)(v));
    expect(JSON.parse(compile(serializerCompiler)(values[1]))).toEqual({ id: values[1]!.id, at: '2026-01-01T00:00:00.123Z', tags: [] });
  });

  test('a value its schema refuses is the same error, naming the route', () => {
    const bad = { id: 'not an id', at: new Date() };
    let error: unknown;
    try {
      compile(serializerCompiler)(bad);
    } catch (err) {
      error = err;
    }
    expect(isResponseSerializationError(error)).toBe(true);
    expect(error).toMatchObject({ method: 'GET', url: '/x' });
    expect(() => compile(libraryCompiler)(bad)).toThrow((error as Error).message);
  });

  test('a schema in `properties` is read there; anything else is refused when compiled', () => {
    expect(compile(serializerCompiler, { properties: z.object({ n: z.number() }) })({ n: 1 })).toBe('{"n":1}');
    expect(() => compile(serializerCompiler, { type: 'object' })).toThrow(/Invalid schema/);
  });
});
