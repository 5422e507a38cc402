CREATE TABLE "contact_feedback" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"mentor_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"signed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_feedback_rating" CHECK ("contact_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "mentee_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mentee_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"pathways" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"gender_preference" text,
	"time_zone" text NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_modes" text[] NOT NULL,
	"stage" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"waiting_since" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentee_request_status" CHECK ("mentee_request"."status" in ('waiting', 'pending', 'matched', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "mentor_profile" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"pathways" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"gender" text,
	"gender_description" text,
	"age_band" text,
	"time_zone" text NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_modes" text[] NOT NULL,
	"capacity" smallint NOT NULL,
	"capacity_cap" smallint,
	"accepting" boolean DEFAULT true NOT NULL,
	"certified" boolean DEFAULT false NOT NULL,
	"certified_by" uuid,
	"certified_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_profile_capacity" CHECK ("mentor_profile"."capacity" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "mentoring_concern" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mentorship_id" uuid,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "mentoring_concern_status" CHECK ("mentoring_concern"."status" in ('open', 'acknowledged', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "mentoring_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"date" date NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"mode" text NOT NULL,
	"topics" text[] NOT NULL,
	"topics_other" text,
	"notes" text,
	"next_step" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_agreement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"proposed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mentor_signed_at" timestamp with time zone,
	"mentee_signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "mentorship_one_active_per_mentee";--> statement-breakpoint
ALTER TABLE "mentorship" ALTER COLUMN "started_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "mentorship" ALTER COLUMN "started_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "origin" text DEFAULT 'mentee' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "introduced_by" uuid;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "requested_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "decline_message" text;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "ended_by" text;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "mentorship" ADD COLUMN "note_by" text;--> statement-breakpoint
ALTER TABLE "contact_feedback" ADD CONSTRAINT "contact_feedback_contact_id_mentoring_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."mentoring_contact"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_feedback" ADD CONSTRAINT "contact_feedback_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_request" ADD CONSTRAINT "mentee_request_mentee_id_user_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profile" ADD CONSTRAINT "mentor_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profile" ADD CONSTRAINT "mentor_profile_certified_by_user_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_concern" ADD CONSTRAINT "mentoring_concern_mentorship_id_mentorship_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorship"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_concern" ADD CONSTRAINT "mentoring_concern_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_concern" ADD CONSTRAINT "mentoring_concern_mentee_id_user_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_concern" ADD CONSTRAINT "mentoring_concern_acknowledged_by_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_concern" ADD CONSTRAINT "mentoring_concern_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_contact" ADD CONSTRAINT "mentoring_contact_mentorship_id_mentorship_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_contact" ADD CONSTRAINT "mentoring_contact_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_agreement" ADD CONSTRAINT "mentorship_agreement_mentorship_id_mentorship_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_feedback_mentor_idx" ON "contact_feedback" USING btree ("mentor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentee_request_one_open" ON "mentee_request" USING btree ("mentee_id") WHERE "mentee_request"."status" in ('waiting', 'pending');--> statement-breakpoint
CREATE INDEX "mentee_request_waiting_idx" ON "mentee_request" USING btree ("waiting_since") WHERE "mentee_request"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "mentor_profile_languages_idx" ON "mentor_profile" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "mentoring_concern_open_idx" ON "mentoring_concern" USING btree ("created_at") WHERE "mentoring_concern"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "mentoring_contact_mentorship_idx" ON "mentoring_contact" USING btree ("mentorship_id","date");--> statement-breakpoint
CREATE INDEX "mentoring_contact_mentor_idx" ON "mentoring_contact" USING btree ("mentor_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_agreement_version" ON "mentorship_agreement" USING btree ("mentorship_id","version");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_request_id_mentee_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentee_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_introduced_by_user_id_fk" FOREIGN KEY ("introduced_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_one_open_per_mentee" ON "mentorship" USING btree ("mentee_id") WHERE "mentorship"."status" in ('requested', 'accepted', 'active', 'paused');--> statement-breakpoint
CREATE INDEX "mentorship_mentee_idx" ON "mentorship" USING btree ("mentee_id","status");--> statement-breakpoint
CREATE INDEX "mentorship_expiry_idx" ON "mentorship" USING btree ("expires_at") WHERE "mentorship"."status" = 'requested';--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_status" CHECK ("mentorship"."status" in ('requested', 'accepted', 'declined', 'expired', 'cancelled', 'active', 'paused', 'ended'));--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_origin" CHECK ("mentorship"."origin" in ('mentee', 'coordinator'));--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_end_reason" CHECK ("mentorship"."end_reason" is null or "mentorship"."end_reason" in ('goals_met', 'mismatch', 'moved_on', 'safety_concern'));