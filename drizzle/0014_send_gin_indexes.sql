-- The two GIN indexes every message writes (its words; its event's recipients) kept new entries in a pending list of
-- up to 4 MB, flushed by whichever insert filled it: that insert, and every send queued behind it, stalled 150-400 ms
-- (bench/README.md, messaging, fifth round). The recipients index (a member or two an event) now takes its entries
-- directly; the words' index (a dozen a message) keeps a pending list of 256 kB, flushed often and briefly.
-- ALTER, not drizzle-kit's DROP and CREATE: the same end state without rebuilding an index over every message.
ALTER INDEX "message_search_idx" SET (gin_pending_list_limit=256);--> statement-breakpoint
ALTER INDEX "realtime_event_recipients_idx" SET (fastupdate=false);
