-- No plan reads the statistics of a message's text: no statement filters or sorts by `body` or `html`, and search
-- goes through `search` (its tsvector, whose statistics stay). Computing them was ~60 ms of CPU in every ANALYZE of
-- `message` (~0.2 s in all), which autovacuum runs again and again while messages arrive (bench/README.md,
-- messaging, ninth round).
ALTER TABLE "message" ALTER COLUMN "body" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "message" ALTER COLUMN "html" SET STATISTICS 0;
