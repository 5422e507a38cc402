import websocket from '@fastify/websocket';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type WebSocket from 'ws';
import { clientFrame, realtimeLimits } from '../../contracts/realtime.ts';
import type { Actor } from '../access.ts';
import type { Notifications } from '../db/notifications.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import { allowedOrigins } from '../http/security.ts';
import type { ServiceContext } from '../modules/context.ts';
import { Connection } from './connection.ts';
import { RealtimeHub } from './hub.ts';

const hubs = new WeakMap<object, RealtimeHub>();
/** The hub serving an app's sockets (tests and the benchmark look at it). */
export const realtimeHubOf = (app: FastifyInstance): RealtimeHub | undefined => hubs.get(app.server);

/** The realtime socket, GET /api/v1/realtime (docs/realtime.md). */
export const realtimeRoutes: FastifyPluginAsync<{ ctx: ServiceContext; pool: pg.Pool; notifications: Notifications }> = async (app, { ctx, pool, notifications }) => {
  const hub = new RealtimeHub({ db: ctx.db, pool, notifications, log: app.log });
  hubs.set(app.server, hub);
  const origins = allowedOrigins(ctx.config.publicUrl);
  const upgrades = new WeakMap<FastifyRequest, { actor: Actor; response: ServerResponse }>();

  await app.register(websocket, {
    // Larger frames close the socket with 1009; nothing a client sends needs more.
    options: { maxPayload: realtimeLimits.maxFrameBytes, perMessageDeflate: false },
    // Shutdown (app.close): every socket hears 1001 and is dropped within a second if it does not answer.
    preClose(done) {
      const wss = this.websocketServer;
      void hub.close().then(() => wss.close(() => done()), done);
    },
  });

  app.get(
    '/api/v1/realtime',
    {
      websocket: true,
      // Not an HTTP API: the protocol is in docs/realtime.md and src/contracts/realtime.ts, not the OpenAPI document.
      schema: { hide: true },
      // Decided before the upgrade, as plain HTTP answers: a browser always sends Origin on a WebSocket, and a
      // page on another site must not ride the session cookie (cross-site WebSocket hijacking).
      onRequest: async (request, reply) => {
        const origin = request.headers.origin;
        if (!origin || !origins.has(origin)) throw new AppError('csrf_rejected', 'csrfRejected');
        const actor = await request.actor();
        if (!actor) throw unauthenticated();
        if (!hub.healthy) throw new AppError('unavailable', 'realtimeUnavailable');
        upgrades.set(request, { actor, response: reply.raw });
      },
    },
    (ws: WebSocket, request) => {
      const { actor, response } = upgrades.get(request)!;
      upgrades.delete(request);
      // Let go of the HTTP request and response once upgraded: the socket still points at the response it was given
      // for the hooks, and @fastify/websocket's error listener holds both. That was half of an idle socket's memory
      // (measured: 7.9 KB of heap per socket before, 3.8 after). Our listener holds only the socket.
      if (response.socket) response.detachSocket(response.socket);
      ws.removeAllListeners('error');
      ws.on('error', () => {
        // A client's protocol error (an oversized frame: 1009) has already started the close; anything else ends it.
        if (ws.readyState !== ws.CLOSING) ws.terminate();
      });
      const conn = new Connection(ws, actor.userId, actor.sessionId);
      hub.add(conn);
      ws.on('close', () => hub.remove(conn));
      ws.on('pong', () => (conn.alive = true));
      ws.on('message', (data, isBinary) => {
        conn.alive = true;
        if (!conn.admit()) return;
        const frame = parseFrame(isBinary ? null : data.toString());
        if ('error' in frame) return conn.control({ type: 'error', code: frame.error, message: frame.message });
        if (frame.type === 'ping') return conn.control({ type: 'pong' });
        void hub.resume(conn, frame.after);
      });
      conn.control({ type: 'hello', heartbeatMs: realtimeLimits.heartbeatMs, socketId: conn.id });
    },
  );
};

type Parsed = ReturnType<typeof clientFrame.parse> | { error: 'malformed' | 'unknown_type'; message: string };

/** A client frame, or why it is not one. The error frames never echo what was sent. */
function parseFrame(text: string | null): Parsed {
  let value: unknown;
  try {
    if (text === null) throw new Error('binary');
    value = JSON.parse(text);
  } catch {
    return { error: 'malformed', message: 'Frames are JSON text.' };
  }
  const parsed = clientFrame.safeParse(value);
  if (parsed.success) return parsed.data;
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && !['resume', 'ping'].includes(type)) return { error: 'unknown_type', message: 'Unknown frame type.' };
  return { error: 'malformed', message: 'This frame does not match its type.' };
}
