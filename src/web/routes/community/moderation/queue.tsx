// Placeholder until the community pages land (issue 6); replaced by the page itself.
export function ModerationQueuePage() {
  return null;
}
