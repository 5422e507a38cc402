import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common.ts';
import {
  copingOrderBody,
  copingStrategy,
  copingStrategyBody,
  copingStrategyList,
  goal,
  goalBody,
  goalEntryBody,
  goalList,
  goalPatchBody,
  safetyPlan,
  safetyPlanBody,
} from '../../../contracts/journey.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createPlansService } from './plans-service.ts';

const tags = ['journey'];

/** Journey routes: goals, the coping toolbox and the safety plan. All of them are the member's own. */
export const journeyPlansRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const plans = createPlansService(ctx);

  // ── Goals ──

  app.get(
    '/api/v1/me/goals',
    { schema: { tags, security, summary: 'My goals with progress in the current week or month', response: { 200: goalList, ...errors(401) } } },
    async (req) => plans.listGoals(await req.actor()),
  );

  app.post(
    '/api/v1/me/goals',
    { schema: { tags, security, summary: 'Set a goal', body: goalBody, response: { 201: goal, ...errors(401, 422) } } },
    async (req, reply) => reply.status(201).send(await plans.createGoal(await req.actor(), req.body)),
  );

  app.patch(
    '/api/v1/me/goals/:id',
    { schema: { tags, security, summary: "Change a goal's title, target or period", params: idParams, body: goalPatchBody, response: { 200: goal, ...errors(401, 404, 422) } } },
    async (req) => plans.updateGoal(await req.actor(), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/me/goals/:id',
    { schema: { tags, security, summary: 'Archive a goal', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await plans.archiveGoal(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/goals/:id/entries',
    {
      schema: {
        tags,
        security,
        summary: 'Report progress on a goal Kindred cannot count (self-reported, mentor contacts)',
        params: idParams,
        body: goalEntryBody,
        response: { 201: goal, ...errors(401, 404, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await plans.addGoalEntry(await req.actor(), req.params.id, req.body)),
  );

  // ── Coping toolbox ──

  app.get(
    '/api/v1/me/coping-strategies',
    { schema: { tags, security, summary: 'My coping toolbox, in my order', response: { 200: copingStrategyList, ...errors(401) } } },
    async (req) => plans.listStrategies(await req.actor()),
  );

  app.post(
    '/api/v1/me/coping-strategies',
    { schema: { tags, security, summary: 'Add a coping strategy (at most 50)', body: copingStrategyBody, response: { 201: copingStrategy, ...errors(401, 422) } } },
    async (req, reply) => reply.status(201).send(await plans.addStrategy(await req.actor(), req.body)),
  );

  // Declared before /:id for readers; the router prefers the static segment either way.
  app.put(
    '/api/v1/me/coping-strategies/order',
    { schema: { tags, security, summary: 'Reorder the toolbox (every strategy id, each once)', body: copingOrderBody, response: { 200: copingStrategyList, ...errors(401, 422) } } },
    async (req) => plans.reorderStrategies(await req.actor(), req.body.ids),
  );

  app.put(
    '/api/v1/me/coping-strategies/:id',
    { schema: { tags, security, summary: 'Change a coping strategy', params: idParams, body: copingStrategyBody, response: { 200: copingStrategy, ...errors(401, 404, 422) } } },
    async (req) => plans.updateStrategy(await req.actor(), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/me/coping-strategies/:id',
    { schema: { tags, security, summary: 'Remove a coping strategy', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await plans.removeStrategy(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── Safety plan ──

  app.get(
    '/api/v1/me/safety-plan',
    { schema: { tags, security, summary: 'My safety plan (empty sections before the first save)', response: { 200: safetyPlan, ...errors(401) } } },
    async (req) => plans.safetyPlan(await req.actor()),
  );

  app.put(
    '/api/v1/me/safety-plan',
    { schema: { tags, security, summary: 'Save my whole safety plan', body: safetyPlanBody, response: { 200: safetyPlan, ...errors(401, 422) } } },
    async (req) => plans.saveSafetyPlan(await req.actor(), req.body),
  );
};
