import { createBrowserRouter, Outlet } from 'react-router';
import { RequireSignedIn, RequireSignedOut } from './features/account/guards.tsx';
import { AdminLayout } from './routes/admin/layout.tsx';
import { ForgotPasswordPage } from './routes/forgot-password.tsx';
import { HelpPage } from './routes/help.tsx';
import { HomePage } from './routes/home.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { ResetPasswordPage } from './routes/reset-password.tsx';
import { Root } from './routes/root.tsx';
import { SettingsPage } from './routes/settings.tsx';
import { SetupPage } from './routes/setup.tsx';
import { SignInPage } from './routes/sign-in.tsx';
import { SignUpPage } from './routes/sign-up.tsx';
import { VerifyEmailPage } from './routes/verify-email.tsx';

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'sign-up', element: <RequireSignedOut><SignUpPage /></RequireSignedOut> },
      { path: 'sign-in', element: <RequireSignedOut><SignInPage /></RequireSignedOut> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'settings', element: <RequireSignedIn><SettingsPage /></RequireSignedIn> },
      // Help is never behind a sign-in or a lazy load: it must appear at once, for anyone.
      { path: 'help', element: <HelpPage /> },
      {
        path: 'sos',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/sos.tsx')).SosPage }) }],
      },
      {
        path: 'escalations',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/escalations/index.tsx')).EscalationsPage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/escalations/detail.tsx')).EscalationPage }) },
        ],
      },
      {
        path: 'journey',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/journey/index.tsx')).JourneyIndexPage }) },
          { path: 'check-in', lazy: async () => ({ Component: (await import('./routes/journey/check-in.tsx')).CheckInPage }) },
          { path: 'history', lazy: async () => ({ Component: (await import('./routes/journey/history.tsx')).HistoryPage }) },
          { path: 'sobriety', lazy: async () => ({ Component: (await import('./routes/journey/sobriety.tsx')).SobrietyPage }) },
          { path: 'goals', lazy: async () => ({ Component: (await import('./routes/journey/goals.tsx')).GoalsPage }) },
          { path: 'toolbox', lazy: async () => ({ Component: (await import('./routes/journey/toolbox.tsx')).ToolboxPage }) },
          { path: 'safety-plan', lazy: async () => ({ Component: (await import('./routes/journey/safety-plan.tsx')).SafetyPlanPage }) },
          { path: 'sharing', lazy: async () => ({ Component: (await import('./routes/journey/sharing.tsx')).SharingPage }) },
          { path: 'profile', lazy: async () => ({ Component: (await import('./routes/journey/profile.tsx')).ProfilePage }) },
        ],
      },
      {
        path: 'mentees',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/mentees.tsx')).MenteesPage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/mentees.tsx')).MenteePage }) },
        ],
      },
      {
        path: 'mentoring',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/mentoring/index.tsx')).MentoringIndexPage }) },
          { path: 'caseload', lazy: async () => ({ Component: (await import('./routes/mentoring/caseload.tsx')).CaseloadPage }) },
          { path: 'profile', lazy: async () => ({ Component: (await import('./routes/mentoring/profile.tsx')).MentorProfilePage }) },
        ],
      },
      {
        path: 'mentorships/:id',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/mentoring/mentorship.tsx')).MentorshipPage }) }],
      },
      {
        path: 'messages',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/messages/index.tsx')).MessagesPage }) },
          { path: 'new', lazy: async () => ({ Component: (await import('./routes/messages/new.tsx')).NewConversationPage }) },
          { path: 'search', lazy: async () => ({ Component: (await import('./routes/messages/search.tsx')).MessageSearchPage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/messages/conversation.tsx')).ConversationPage }) },
        ],
      },
      {
        path: 'notifications',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/notifications.tsx')).NotificationsPage }) }],
      },
      {
        path: 'admin',
        element: <RequireSignedIn role="coordinator"><AdminLayout /></RequireSignedIn>,
        children: [
          // Coordination is loaded only by those who open it.
          { index: true, lazy: async () => ({ Component: (await import('./routes/admin/people.tsx')).PeoplePage }) },
          { path: 'invitations', lazy: async () => ({ Component: (await import('./routes/admin/invitations.tsx')).InvitationsPage }) },
          { path: 'registration', lazy: async () => ({ Component: (await import('./routes/admin/registration.tsx')).RegistrationPage }) },
          { path: 'activity', lazy: async () => ({ Component: (await import('./routes/admin/activity.tsx')).ActivityPage }) },
          { path: 'meetings-import', lazy: async () => ({ Component: (await import('./routes/admin/meetings-import.tsx')).MeetingsImportPage }) },
          { path: 'on-call', lazy: async () => ({ Component: (await import('./routes/admin/on-call.tsx')).OnCallPage }) },
          { path: 'responders', lazy: async () => ({ Component: (await import('./routes/admin/responders.tsx')).RespondersPage }) },
          { path: 'safety', lazy: async () => ({ Component: (await import('./routes/admin/safety.tsx')).SafetyPage }) },
          { path: 'crisis-lines', lazy: async () => ({ Component: (await import('./routes/admin/crisis-lines.tsx')).CrisisLinesPage }) },
          { path: 'mentoring', lazy: async () => ({ Component: (await import('./routes/admin/mentoring.tsx')).MentoringProgramPage }) },
          { path: 'mentoring/mentors', lazy: async () => ({ Component: (await import('./routes/admin/mentoring-mentors.tsx')).MentoringMentorsPage }) },
          { path: 'mentoring/concerns', lazy: async () => ({ Component: (await import('./routes/admin/mentoring-concerns.tsx')).MentoringConcernsPage }) },
          { path: 'mentoring/feedback', lazy: async () => ({ Component: (await import('./routes/admin/mentoring-feedback.tsx')).MentoringFeedbackPage }) },
          { path: 'mentoring/settings', lazy: async () => ({ Component: (await import('./routes/admin/mentoring-settings.tsx')).MentoringSettingsPage }) },
          { path: 'community', lazy: async () => ({ Component: (await import('./routes/admin/community-categories.tsx')).CommunityCategoriesPage }) },
          { path: 'community/rules', lazy: async () => ({ Component: (await import('./routes/admin/community-rules.tsx')).CommunityRulesPage }) },
          { path: 'resources', lazy: async () => ({ Component: (await import('./routes/admin/resources.tsx')).ResourcesAdminPage }) },
          { path: 'messaging', lazy: async () => ({ Component: (await import('./routes/admin/messaging.tsx')).MessagingAdminPage }) },
        ],
      },
      // The forum: public categories are readable without an account; writing and moderating need one.
      {
        path: 'community',
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/community/index.tsx')).CommunityIndexPage }) },
          { path: 'c/:slug', lazy: async () => ({ Component: (await import('./routes/community/category.tsx')).CategoryPage }) },
          { path: 't/:id', lazy: async () => ({ Component: (await import('./routes/community/topic.tsx')).TopicPage }) },
          { path: 'p/:id', lazy: async () => ({ Component: (await import('./routes/community/post-link.tsx')).PostLinkPage }) },
          { path: 'search', lazy: async () => ({ Component: (await import('./routes/community/search.tsx')).CommunitySearchPage }) },
          { path: 'guidelines', lazy: async () => ({ Component: (await import('./routes/community/guidelines.tsx')).GuidelinesPage }) },
          { path: 'new', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/community/new-topic.tsx')).NewTopicPage }) }] },
          { path: 'notices', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/community/notices.tsx')).NoticesPage }) }] },
          {
            path: 'moderation',
            element: <RequireSignedIn><Outlet /></RequireSignedIn>,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./routes/community/moderation/queue.tsx')).ModerationQueuePage }) },
              { path: 'people/:id', lazy: async () => ({ Component: (await import('./routes/community/moderation/person.tsx')).ModerationPersonPage }) },
              { path: 'messages', lazy: async () => ({ Component: (await import('./routes/moderation-messages.tsx')).MessageReportsPage }) },
            ],
          },
        ],
      },
      // Resources: public directory entries and the coping library are readable without an account (docs/resources.md).
      {
        path: 'resources',
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/resources/index.tsx')).ResourcesPage }) },
          { path: 'suggest', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/resources/suggest.tsx')).SuggestResourcePage }) }] },
          { path: 'review', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/resources/review.tsx')).ResourceReviewPage }) }] },
          { path: 'strategies', lazy: async () => ({ Component: (await import('./routes/resources/strategies.tsx')).StrategiesPage }) },
          { path: 'strategies/new', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/resources/new-strategy.tsx')).NewStrategyPage }) }] },
          { path: 'strategies/:id', lazy: async () => ({ Component: (await import('./routes/resources/strategy.tsx')).StrategyPage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/resources/entry.tsx')).ResourcePage }) },
        ],
      },
      // Finding a meeting and reading about it or its group needs no account; changing anything does.
      {
        path: 'meetings',
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/meetings/finder.tsx')).MeetingFinderPage }) },
          { path: 'new', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/meetings/edit.tsx')).NewMeetingPage }) }] },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/meetings/meeting.tsx')).MeetingPage }) },
          { path: ':id/edit', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/meetings/edit.tsx')).EditMeetingPage }) }] },
          { path: ':id/roster/:date', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/meetings/roster.tsx')).RosterPage }) }] },
        ],
      },
      {
        path: 'groups',
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/groups/list.tsx')).GroupsPage }) },
          { path: 'new', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/groups/edit.tsx')).NewGroupPage }) }] },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/groups/group.tsx')).GroupPage }) },
          { path: ':id/edit', element: <RequireSignedIn><Outlet /></RequireSignedIn>, children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/groups/edit.tsx')).EditGroupPage }) }] },
        ],
      },
      {
        path: 'attendance',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/meetings/attendance.tsx')).MyMeetingsPage }) }],
      },
      {
        path: 'attendance/proofs',
        element: <RequireSignedIn><Outlet /></RequireSignedIn>,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/proofs/index.tsx')).ProofsPage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('./routes/proofs/detail.tsx')).ProofPage }) },
        ],
      },
      // Checking a proof of attendance needs no account: a court clerk types the code from the paper.
      { path: 'verify', lazy: async () => ({ Component: (await import('./routes/proofs/verify.tsx')).VerifyFormPage }) },
      { path: 'verify/:code', lazy: async () => ({ Component: (await import('./routes/proofs/verify.tsx')).VerifyPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
