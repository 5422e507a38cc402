-- A sender's rate window (30 messages a minute) is now counted from the messages they wrote, read with the send's
-- gate: no rate_event row and no separate statement a message. The sender's index carries the time for that count
-- (it still serves an account's deletion). The event index by conversation was read by nothing; every message wrote
-- it (bench/README.md, messaging, sixth round).
DROP INDEX "message_sender_idx";--> statement-breakpoint
DROP INDEX "realtime_event_conversation_idx";--> statement-breakpoint
CREATE INDEX "message_sender_created_idx" ON "message" USING btree ("sender_id","created_at");