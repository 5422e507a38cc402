import { expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES, realtimeLimits } from '../../contracts/realtime.ts';
import { Connection } from './connection.ts';

/** A socket stand-in whose send buffer we control: a real slow reader is at the mercy of the kernel's buffers. */
function fakeSocket(bufferedAmount = 0) {
  return { readyState: WebSocket.OPEN, bufferedAmount, send: vi.fn(), close: vi.fn() };
}
const connect = (ws: ReturnType<typeof fakeSocket>) => new Connection(ws as unknown as WebSocket, 'user', 'session');

test('a client whose unsent frames pass maxBufferedBytes is closed with 4008 and gets nothing more', () => {
  const ws = fakeSocket();
  const conn = connect(ws);
  conn.send('{"type":"pong"}');
  expect(ws.send).toHaveBeenCalledTimes(1);
  ws.bufferedAmount = realtimeLimits.maxBufferedBytes + 1;
  conn.send('{"type":"pong"}');
  expect(ws.send).toHaveBeenCalledTimes(1);
  expect(ws.close).toHaveBeenCalledWith(CLOSE_CODES.tooSlow, 'too slow');
});

test('events held while a client resumes are bounded: past the bound it is closed (4008) and resumes again', () => {
  const ws = fakeSocket();
  const conn = connect(ws);
  for (let i = 0; i < 1000; i++) conn.deliver({ id: `e${i}`, text: `${i}` });
  expect(ws.close).not.toHaveBeenCalled();
  conn.deliver({ id: 'one-too-many', text: 'x' });
  expect(ws.close).toHaveBeenCalledWith(CLOSE_CODES.tooSlow, 'too slow');
});

test('going live sends the held events in order, minus those the replay covered', () => {
  const ws = fakeSocket();
  const conn = connect(ws);
  for (const id of ['a', 'b', 'c']) conn.deliver({ id, text: id });
  expect(ws.send).not.toHaveBeenCalled();
  conn.goLive(new Set(['b']));
  expect(ws.send.mock.calls.map((c) => c[0])).toEqual(['a', 'c']);
  conn.deliver({ id: 'd', text: 'd' });
  expect(ws.send).toHaveBeenLastCalledWith('d');
  expect(conn.held).toBeNull();
});

test('the flood counter starts again every 10 seconds', () => {
  const ws = fakeSocket();
  const conn = connect(ws);
  const limit = realtimeLimits.framesPer10s;
  for (let i = 0; i < limit; i++) expect(conn.admit(1000)).toBe(true);
  expect(conn.admit(1000)).toBe(false);
  expect(ws.send).toHaveBeenCalledTimes(1);
  expect(JSON.parse(ws.send.mock.calls[0]![0])).toMatchObject({ type: 'error', code: 'rate_limited' });
  expect(conn.admit(11_000)).toBe(true);
  expect(ws.close).not.toHaveBeenCalled();
});
