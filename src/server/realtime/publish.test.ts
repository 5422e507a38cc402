import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePayload } from './publish.ts';

const id = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('the NOTIFY payload (ids only)', () => {
  test('an event id, its recipients, and the socket its writer named', () => {
    expect(parsePayload(`${id(1)}|${id(2)},${id(3)}`)).toEqual({ eventId: id(1), recipients: [id(2), id(3)], skipSocket: null });
    expect(parsePayload(`${id(1)}|${id(2)}|${id(9)}`)).toEqual({ eventId: id(1), recipients: [id(2)], skipSocket: id(9) });
    expect(parsePayload(`${id(1)}|*`)).toEqual({ eventId: id(1), recipients: null, skipSocket: null });
    expect(parsePayload(`${id(1)}|*|${id(9)}`)).toEqual({ eventId: id(1), recipients: null, skipSocket: id(9) });
    expect(parsePayload(`${id(1)}|`)).toEqual({ eventId: id(1), recipients: [], skipSocket: null });
  });

  test('anything else is not a payload', () => {
    expect(parsePayload('')).toBeNull();
    expect(parsePayload('not-an-id|x')).toBeNull();
  });

  test('what publish writes reads back the same, for any recipients and socket', () => {
    const uuid = fc.uuid();
    fc.assert(
      fc.property(uuid, fc.oneof(fc.constant(null), fc.array(uuid, { maxLength: 20 })), fc.option(uuid, { nil: null }), (eventId, recipients, skipSocket) => {
        // As notifyEvent builds it in SQL.
        const payload = `${eventId}|${recipients === null ? '*' : recipients.join(',')}${skipSocket ? `|${skipSocket}` : ''}`;
        expect(parsePayload(payload)).toEqual({ eventId, recipients, skipSocket });
      }),
    );
  });
});
