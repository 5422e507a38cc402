import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  attendanceHistory,
  attendanceRecord,
  calendarLink,
  finderResult,
  group,
  groupBody,
  groupList,
  groupMemberList,
  meetingBody,
  meetingDetail,
  meetingList,
  meetingSummary,
  meetingUpdateBody,
  myMeetings,
  occurrence,
  occurrenceBody,
  roster,
} from '../../../contracts/meetings.ts';
import { api } from '../../lib/api.ts';

export type Group = z.infer<typeof group>;
export type GroupMember = z.infer<typeof groupMemberList>['members'][number];
export type MeetingSummary = z.infer<typeof meetingSummary>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type Occurrence = z.infer<typeof occurrence>;
export type UpcomingOccurrence = MeetingDetail['upcoming'][number];
export type FinderResult = z.infer<typeof finderResult>;
export type FinderMatch = FinderResult['results'][number];
export type AttendanceHistory = z.infer<typeof attendanceHistory>;
export type AttendanceRecord = z.infer<typeof attendanceRecord>;
export type Roster = z.infer<typeof roster>;
export type MyMeetings = z.infer<typeof myMeetings>;

/**
 * Groups, meetings and the member's own attendance each live under one key, so a change refreshes what depends on
 * it (an RSVP changes the meeting page and "My meetings"; joining a group may reveal a meeting's link).
 */
const keys = {
  groups: ['groups'] as const,
  meetings: ['meetings'] as const,
  mine: ['my-meetings'] as const,
};

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...roots: (readonly string[])[]) => Promise.all(roots.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

// ── Finder and meetings ──

/** The finder: `query` is the API's query string (filters from the page's URL plus the viewer's zone). */
export const useFinder = (query: string) =>
  useQuery({
    queryKey: [...keys.meetings, 'finder', query],
    queryFn: () => api<FinderResult>('GET', `/api/v1/meetings?${query}`),
    // The last results stay on screen while new filters load, so the list does not flash empty.
    placeholderData: keepPreviousData,
  });

export const useMeeting = (id: string) =>
  useQuery({ queryKey: [...keys.meetings, 'detail', id], queryFn: () => api<MeetingDetail>('GET', `/api/v1/meetings/${id}`) });

export function useSaveMeeting(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.output<typeof meetingBody> | z.output<typeof meetingUpdateBody>) =>
      id ? api<MeetingDetail>('PUT', `/api/v1/meetings/${id}`, body) : api<MeetingDetail>('POST', '/api/v1/meetings', body),
    onSuccess: () => invalidate(keys.meetings, keys.groups, keys.mine),
  });
}

export function useDeleteMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/meetings/${id}`),
    onSuccess: () => invalidate(keys.meetings, keys.groups, keys.mine),
  });
}

const occurrencePath = (id: string, date: string) => `/api/v1/meetings/${id}/occurrences/${date}`;

export function useSetOccurrence(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: z.output<typeof occurrenceBody> }) => api<Occurrence>('PUT', occurrencePath(id, date), body),
    onSuccess: () => invalidate(keys.meetings, keys.mine),
  });
}

export function useRsvp(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ date, going }: { date: string; going: boolean }) => api<void>(going ? 'PUT' : 'DELETE', `${occurrencePath(id, date)}/rsvp`),
    onSettled: () => invalidate(keys.meetings, keys.mine),
  });
}

export function useCheckIn(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (date: string) => api<AttendanceRecord>('POST', `${occurrencePath(id, date)}/check-in`),
    onSuccess: () => invalidate(keys.meetings, keys.mine),
  });
}

export const useRoster = (id: string, date: string) =>
  useQuery({ queryKey: [...keys.meetings, 'roster', id, date], queryFn: () => api<Roster>('GET', `${occurrencePath(id, date)}/roster`) });

export function useMarkAttendance(id: string, date: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { userId: string; attended: boolean }) => api<Roster>('PUT', `${occurrencePath(id, date)}/roster`, body),
    onSettled: () => invalidate(keys.meetings),
  });
}

// ── Groups ──

export const useGroups = () =>
  useQuery({ queryKey: [...keys.groups, 'list'], queryFn: async () => (await api<z.infer<typeof groupList>>('GET', '/api/v1/groups')).groups });

export const useGroup = (id: string, enabled = true) =>
  useQuery({ queryKey: [...keys.groups, 'detail', id], queryFn: () => api<Group>('GET', `/api/v1/groups/${id}`), enabled: enabled && id !== '' });

export const useGroupMeetings = (id: string) =>
  useQuery({
    queryKey: [...keys.groups, 'meetings', id],
    queryFn: async () => (await api<z.infer<typeof meetingList>>('GET', `/api/v1/groups/${id}/meetings`)).meetings,
  });

export const useGroupMembers = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.groups, 'members', id],
    queryFn: async () => (await api<z.infer<typeof groupMemberList>>('GET', `/api/v1/groups/${id}/members`)).members,
    enabled,
  });

export function useSaveGroup(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.output<typeof groupBody>) => (id ? api<Group>('PATCH', `/api/v1/groups/${id}`, body) : api<Group>('POST', '/api/v1/groups', body)),
    onSuccess: () => invalidate(keys.groups, keys.meetings),
  });
}

export function useDeleteGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/groups/${id}`),
    onSuccess: () => invalidate(keys.groups, keys.meetings, keys.mine),
  });
}

/** Join (or ask to join) and leave (or withdraw a request). Membership can reveal a meeting's online link. */
export function useMembership(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (join: boolean) => api<Group | undefined>(join ? 'POST' : 'DELETE', `/api/v1/groups/${id}/membership`),
    onSettled: () => invalidate(keys.groups, keys.meetings, keys.mine),
  });
}

/** A manager approves a request (PUT) or removes someone (DELETE). */
export function useManageMember(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ userId, approve }: { userId: string; approve: boolean }) => api<void>(approve ? 'PUT' : 'DELETE', `/api/v1/groups/${id}/members/${userId}`),
    onSettled: () => invalidate(keys.groups),
  });
}

/**
 * A coordinator sets the group's whole list of facilitators. The mutation stays pending until the group, its members
 * and meetings (who may manage them) are fetched again, so the page changes in one step, with its announcement.
 */
export function useSetFacilitators(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (userIds: string[]) => api<Group>('PUT', `/api/v1/groups/${id}/facilitators`, { userIds }),
    onSettled: () => invalidate(keys.groups, keys.meetings),
  });
}

// ── The member's own meetings ──

export const useMyMeetings = () => useQuery({ queryKey: [...keys.mine, 'upcoming'], queryFn: () => api<MyMeetings>('GET', '/api/v1/me/meetings') });

export const useAttendanceHistory = () =>
  useQuery({ queryKey: [...keys.mine, 'attendance'], queryFn: () => api<AttendanceHistory>('GET', '/api/v1/me/attendance') });

const calendarKey = [...keys.mine, 'calendar-link'];

export const useCalendarLink = () =>
  useQuery({ queryKey: calendarKey, queryFn: async () => (await api<z.infer<typeof calendarLink>>('GET', '/api/v1/me/calendar-link')).url });

/** A new link (the old one stops working) or none at all. */
export function useSetCalendarLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (on: boolean) => (on ? (await api<z.infer<typeof calendarLink>>('POST', '/api/v1/me/calendar-link')).url : (await api<void>('DELETE', '/api/v1/me/calendar-link'), null)),
    onSuccess: (url) => queryClient.setQueryData(calendarKey, url),
  });
}
