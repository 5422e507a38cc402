import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { installErrorHandling } from './http/errors.ts';
import { installOpenApi, registerOpenApiRoute } from './http/openapi.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { installRequestContext } from './http/request-context.ts';
import { type ActorCache, createActorCache } from './http/actor-cache.ts';
import { Notifications } from './db/notifications.ts';
import { installSecurity } from './http/security.ts';
import { serializerCompiler } from './http/serializer.ts';
import { installWeb } from './http/web.ts';
import type { Jobs } from './jobs/queue.ts';
import { createLogger, type Logger } from './logging.ts';
import { createMailer } from './mail/mailer.ts';
import { createAccountsAdminService } from './modules/accounts/admin-service.ts';
import { accountsAdminRoutes } from './modules/accounts/admin-routes.ts';
import { createAuth } from './modules/accounts/auth.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { createAccountsService } from './modules/accounts/service.ts';
import type { ServiceContext } from './modules/context.ts';
import { instanceRoutes } from './modules/instance/routes.ts';
import { journeyRoutes } from './modules/journey/routes.ts';
import { journeyPlansRoutes } from './modules/journey/plans-routes.ts';
import { journeySharingRoutes } from './modules/journey/sharing-routes.ts';
import { meetingsRoutes } from './modules/meetings/routes.ts';
import { attendanceProofRoutes } from './modules/meetings/proof-routes.ts';
import { meetingFeedsRoutes } from './modules/meetings/feeds-routes.ts';
import { createInstanceSettings, resolveSecret } from './modules/instance/service.ts';
import { safetyRoutes } from './modules/safety/routes.ts';
import { safetyAdminRoutes } from './modules/safety/admin-routes.ts';
import { crisisResourcesRoutes } from './modules/safety/crisis-resources-routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { mentoringMatchingRoutes } from './modules/mentoring/matching-routes.ts';
import { mentorshipRoutes } from './modules/mentoring/routes.ts';
import { communitySearchRoutes } from './modules/community/search-routes.ts';
import { communityRoutes } from './modules/community/routes.ts';
import { communityModerationRoutes } from './modules/community/moderation-routes.ts';
import { resourcesRoutes } from './modules/resources/routes.ts';
import { resourceReviewRoutes } from './modules/resources/review-routes.ts';
import { copingLibraryRoutes } from './modules/resources/library-routes.ts';
import { resourceTransferRoutes } from './modules/resources/transfer-routes.ts';
import { messagingRoutes } from './modules/messaging/routes.ts';
import { messagingModerationRoutes } from './modules/messaging/moderation-routes.ts';
import { realtimeRoutes } from './realtime/routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  jobs?: Jobs;
  /** false silences logs (tests); by default a pino logger at config.logLevel. */
  logger?: false | Logger;
  webDir?: string;
}

export type KindredApp = FastifyInstance & {
  services: ReturnType<typeof buildServices>;
  /** Every route registered, as "METHOD /url" (tests check the OpenAPI document against it). */
  routeList: string[];
  actorCache: ActorCache;
};

function buildServices(ctx: ServiceContext) {
  return {
    ctx,
    accounts: createAccountsService(ctx),
    admin: createAccountsAdminService(ctx),
  };
}

/** Builds the Fastify instance with every route, without listening. Tests call this and use app.inject. */
export async function buildApp(deps: AppDeps): Promise<KindredApp> {
  const { config, database } = deps;
  const app = Fastify({
    ...(deps.logger === false
      ? { logger: false }
      : { loggerInstance: (deps.logger ?? createLogger(config.logLevel)) as FastifyBaseLogger }),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const routeList: string[] = [];
  app.addHook('onRoute', (route) => {
    if ((route.schema as { hide?: boolean } | undefined)?.hide) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const secret = await resolveSecret(database.db, config.secret);
  const settings = createInstanceSettings(database.db);
  const mailer = createMailer({ config, db: database.db, jobs: deps.jobs, log: app.log, instanceName: settings.name });
  const auth = createAuth({ config, db: database.db, secret, mailer, log: app.log });
  // LISTEN/NOTIFY: how instances sharing the database tell each other that sessions, roles or check-ins changed.
  const notifications = new Notifications(database.url, app.log);
  await notifications.start();
  app.addHook('onClose', () => notifications.close());
  const services = buildServices({ config, db: database.db, auth, mailer, limiter: new RateLimiter(database.db, secret), settings, notifications });

  installErrorHandling(app);
  const actorCache = createActorCache(notifications);
  installRequestContext(app, { pool: database.pool, secret, cache: actorCache, notifications });
  installSecurity(app, config.publicUrl);
  await installOpenApi(app);

  await app.register(instanceRoutes, { accounts: services.accounts, settings, pool: database.pool });
  await app.register(accountsRoutes, { accounts: services.accounts });
  await app.register(accountsAdminRoutes, { admin: services.admin, accounts: services.accounts });
  await app.register(journeyRoutes, { ctx: services.ctx, jobs: deps.jobs });
  await app.register(journeyPlansRoutes, { ctx: services.ctx });
  await app.register(journeySharingRoutes, { ctx: services.ctx });
  await app.register(meetingsRoutes, { ctx: services.ctx });
  await app.register(attendanceProofRoutes, { ctx: services.ctx });
  await app.register(meetingFeedsRoutes, { ctx: services.ctx });
  await app.register(safetyRoutes, { ctx: services.ctx, jobs: deps.jobs });
  await app.register(safetyAdminRoutes, { ctx: services.ctx });
  await app.register(crisisResourcesRoutes, { ctx: services.ctx });
  await app.register(notificationRoutes, { ctx: services.ctx });
  await app.register(mentoringMatchingRoutes, { ctx: services.ctx, jobs: deps.jobs });
  await app.register(mentorshipRoutes, { ctx: services.ctx });
  await app.register(communitySearchRoutes, { ctx: services.ctx });
  await app.register(communityRoutes, { ctx: services.ctx, jobs: deps.jobs });
  await app.register(communityModerationRoutes, { ctx: services.ctx });
  await app.register(resourcesRoutes, { ctx: services.ctx });
  await app.register(resourceReviewRoutes, { ctx: services.ctx });
  await app.register(copingLibraryRoutes, { ctx: services.ctx });
  await app.register(resourceTransferRoutes, { ctx: services.ctx });
  await app.register(messagingRoutes, { ctx: services.ctx, jobs: deps.jobs });
  await app.register(messagingModerationRoutes, { ctx: services.ctx });
  await app.register(realtimeRoutes, { ctx: services.ctx, pool: database.pool, notifications });
  registerOpenApiRoute(app);
  if (config.benchRoutes) {
    // The ceiling for benchmarks: a bare route in the same process, no database, no session.
    app.get('/api/bench/bare', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  }
  await installWeb(app, deps.webDir);

  return Object.assign(app, { services, routeList, actorCache }) as KindredApp;
}
