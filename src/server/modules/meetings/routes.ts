import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common.ts';
import {
  attendanceHistory,
  attendanceRangeQuery,
  attendanceRecord,
  finderQuery,
  finderResult,
  group,
  groupBody,
  groupFacilitatorsBody,
  groupList,
  groupMemberList,
  groupMemberParams,
  groupPatchBody,
  meetingBody,
  meetingDetail,
  meetingList,
  meetingUpdateBody,
  myMeetings,
  occurrence,
  occurrenceBody,
  occurrenceParams,
  roster,
  rosterBody,
} from '../../../contracts/meetings.ts';
import { errors, noContent, optionalSession, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createAttendanceService } from './attendance-service.ts';
import { createFinder } from './finder.ts';
import { createMeetingsService } from './service.ts';

const tags = ['meetings'];

/** Groups, meetings, the finder, RSVPs and attendance. */
export const meetingsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const meetings = createMeetingsService(ctx);
  const attendance = createAttendanceService(ctx, meetings);
  const findMeetings = createFinder(ctx);

  // ── Groups ──

  app.get('/api/v1/groups', { schema: { tags, security: optionalSession, summary: 'Groups the viewer may see', response: { 200: groupList } } }, async (req) => ({
    groups: await meetings.listGroups(await req.actor()),
  }));

  app.post(
    '/api/v1/groups',
    { schema: { tags, security, summary: 'Start a group (facilitators and coordinators); the starter facilitates it', body: groupBody, response: { 201: group, ...errors(401, 404, 422) } } },
    async (req, reply) => reply.status(201).send(await meetings.createGroup(await req.actor(), req.body)),
  );

  app.get('/api/v1/groups/:id', { schema: { tags, security: optionalSession, summary: 'A group', params: idParams, response: { 200: group, ...errors(404) } } }, async (req) =>
    meetings.getGroup(await req.actor(), req.params.id),
  );

  app.patch(
    '/api/v1/groups/:id',
    { schema: { tags, security, summary: 'Change a group (its facilitators, coordinators)', params: idParams, body: groupPatchBody, response: { 200: group, ...errors(401, 404, 422) } } },
    async (req) => meetings.updateGroup(await req.actor(), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/groups/:id',
    { schema: { tags, security, summary: 'Archive a group and hide its meetings', params: idParams, response: { 204: noContent, ...errors(401, 404) } } },
    async (req, reply) => {
      await meetings.archiveGroup(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/groups/:id/facilitators',
    { schema: { tags, security, summary: "Set a group's facilitators (coordinators)", params: idParams, body: groupFacilitatorsBody, response: { 200: group, ...errors(401, 404, 422) } } },
    async (req) => meetings.setFacilitators(await req.actor(), req.params.id, req.body.userIds),
  );

  app.post(
    '/api/v1/groups/:id/membership',
    { schema: { tags, security, summary: 'Join an open group, or ask to join one by approval', params: idParams, response: { 200: group, ...errors(401, 404) } } },
    async (req) => meetings.join(await req.actor(), req.params.id),
  );

  app.delete(
    '/api/v1/groups/:id/membership',
    { schema: { tags, security, summary: 'Leave a group (or withdraw a request)', params: idParams, response: { 204: noContent, ...errors(401, 404, 409) } } },
    async (req, reply) => {
      await meetings.leave(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/groups/:id/members',
    { schema: { tags, security, summary: "A group's members and requests (its facilitators, coordinators)", params: idParams, response: { 200: groupMemberList, ...errors(401, 404) } } },
    async (req) => ({ members: await meetings.members(await req.actor(), req.params.id) }),
  );

  app.put(
    '/api/v1/groups/:id/members/:userId',
    { schema: { tags, security, summary: 'Approve a request to join', params: groupMemberParams, response: { 204: noContent, ...errors(401, 404) } } },
    async (req, reply) => {
      await meetings.approveMember(await req.actor(), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/groups/:id/members/:userId',
    { schema: { tags, security, summary: 'Remove someone from a group, or decline their request', params: groupMemberParams, response: { 204: noContent, ...errors(401, 404, 409) } } },
    async (req, reply) => {
      await meetings.removeMember(await req.actor(), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/groups/:id/meetings',
    { schema: { tags, security: optionalSession, summary: "A group's meetings", params: idParams, response: { 200: meetingList, ...errors(404) } } },
    async (req) => ({ meetings: await meetings.groupMeetings(await req.actor(), req.params.id) }),
  );

  // ── Meetings ──

  app.get(
    '/api/v1/meetings',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: 'Find meetings: by day, time of day, starting soon, distance, attendance option, types, language, text; ordered by next occurrence',
        querystring: finderQuery,
        response: { 200: finderResult, ...errors(422) },
      },
    },
    async (req) => findMeetings(await req.actor(), req.query),
  );

  app.post(
    '/api/v1/meetings',
    { schema: { tags, security, summary: "Add a meeting to a group (its facilitators, coordinators)", body: meetingBody, response: { 201: meetingDetail, ...errors(401, 404, 422) } } },
    async (req, reply) => reply.status(201).send(await meetings.createMeeting(await req.actor(), req.body)),
  );

  app.get(
    '/api/v1/meetings/:id',
    { schema: { tags, security: optionalSession, summary: 'A meeting with its coming occurrences', params: idParams, response: { 200: meetingDetail, ...errors(404) } } },
    async (req) => meetings.getMeeting(await req.actor(), req.params.id),
  );

  app.put(
    '/api/v1/meetings/:id',
    { schema: { tags, security, summary: 'Change a meeting', params: idParams, body: meetingUpdateBody, response: { 200: meetingDetail, ...errors(401, 404, 422) } } },
    async (req) => meetings.updateMeeting(await req.actor(), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/meetings/:id',
    { schema: { tags, security, summary: 'Archive a meeting (attendance records stay)', params: idParams, response: { 204: noContent, ...errors(401, 404) } } },
    async (req, reply) => {
      await meetings.archiveMeeting(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/meetings/:id/occurrences/:date',
    {
      schema: {
        tags,
        security,
        summary: 'Cancel or move one occurrence, or give it a topic (by its regular date)',
        params: occurrenceParams,
        body: occurrenceBody,
        response: { 200: occurrence, ...errors(401, 404, 422) },
      },
    },
    async (req) => meetings.setOccurrence(await req.actor(), req.params.id, req.params.date, req.body),
  );

  // ── RSVP and attendance ──

  app.put(
    '/api/v1/meetings/:id/occurrences/:date/rsvp',
    { schema: { tags, security, summary: "RSVP: I'll be there", params: occurrenceParams, response: { 204: noContent, ...errors(401, 404, 409, 422) } } },
    async (req, reply) => {
      await attendance.rsvp(await req.actor(), req.params.id, req.params.date);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/meetings/:id/occurrences/:date/rsvp',
    { schema: { tags, security, summary: 'Withdraw an RSVP', params: occurrenceParams, response: { 204: noContent, ...errors(401, 404) } } },
    async (req, reply) => {
      await attendance.cancelRsvp(await req.actor(), req.params.id, req.params.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/meetings/:id/occurrences/:date/check-in',
    {
      schema: {
        tags,
        security,
        summary: 'Check in to a meeting, from 15 minutes before it starts until it ends',
        params: occurrenceParams,
        response: { 201: attendanceRecord, ...errors(401, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await attendance.checkIn(await req.actor(), req.params.id, req.params.date)),
  );

  app.get(
    '/api/v1/meetings/:id/occurrences/:date/roster',
    { schema: { tags, security, summary: 'Who RSVPed and who came (facilitators)', params: occurrenceParams, response: { 200: roster, ...errors(401, 404, 422) } } },
    async (req) => attendance.roster(await req.actor(), req.params.id, req.params.date),
  );

  app.put(
    '/api/v1/meetings/:id/occurrences/:date/roster',
    { schema: { tags, security, summary: 'Mark someone present or not (facilitators)', params: occurrenceParams, body: rosterBody, response: { 200: roster, ...errors(401, 404, 409, 422) } } },
    async (req) => attendance.setRoster(await req.actor(), req.params.id, req.params.date, req.body),
  );

  app.get(
    '/api/v1/me/attendance',
    { schema: { tags, security, summary: 'My meeting attendance (private)', querystring: attendanceRangeQuery, response: { 200: attendanceHistory, ...errors(401, 422) } } },
    async (req) => attendance.history(await req.actor(), req.query),
  );

  app.get('/api/v1/me/meetings', { schema: { tags, security, summary: 'My coming RSVPs', response: { 200: myMeetings, ...errors(401) } } }, async (req) =>
    attendance.myMeetings(await req.actor()),
  );
};
