import { type Actor, hasRole, type Rule } from '../../access.ts';

/** Facts about a group that decide who may see and do what (loaded with the group by the repo). */
export interface GroupAudience {
  visibility: 'public' | 'members';
  conferenceVisibility: 'public' | 'group_members';
  archived: boolean;
  /** The viewer's row in group_member, if any. */
  viewerRole: 'member' | 'facilitator' | null;
  viewerStatus: 'pending' | 'active' | null;
}

const isCoordinator = (actor: Actor | null) => actor !== null && hasRole(actor, 'coordinator');
const activeFacilitator = (g: GroupAudience) => g.viewerRole === 'facilitator' && g.viewerStatus === 'active';

/**
 * Who may see and run groups and their meetings. Public groups are listed to everyone; members-only groups to
 * people signed in; archived ones to nobody. Facilitators run their own groups; coordinators run all of them.
 */
export const meetingsPolicy = {
  seeGroup: (actor: Actor | null, g: GroupAudience) => !g.archived && (g.visibility === 'public' || actor !== null),
  manageGroup: ((actor, g: GroupAudience) => !g.archived && (isCoordinator(actor) || activeFacilitator(g))) satisfies Rule<GroupAudience>,
  /** Starting a group is for facilitators and coordinators; the starter becomes its facilitator. */
  createGroup: ((actor) => hasRole(actor, 'facilitator') || hasRole(actor, 'coordinator')) satisfies Rule<undefined>,
  /** Choosing a group's facilitators is the coordinator's call. */
  setFacilitators: ((actor) => hasRole(actor, 'coordinator')) satisfies Rule<undefined>,
  /** Conference links are kept from strangers when the group asks: only its members and managers see them. */
  seeConference: (actor: Actor | null, g: GroupAudience) =>
    g.conferenceVisibility === 'public' || isCoordinator(actor) || (g.viewerStatus === 'active' && g.viewerRole !== null),
  /** RSVP and self check-in: anyone signed in who can see the meeting. */
  attend: ((actor, g: GroupAudience) => !g.archived && (g.visibility === 'public' || actor !== null)) satisfies Rule<GroupAudience>,
};
