CREATE TABLE "attendance_proof" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"holder_name" text,
	"include_meeting_names" boolean NOT NULL,
	"include_locations" boolean NOT NULL,
	"entries" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_token" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_member" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_member_group_id_user_id_pk" PRIMARY KEY("group_id","user_id"),
	CONSTRAINT "group_member_role" CHECK ("group_member"."role" in ('member', 'facilitator')),
	CONSTRAINT "group_member_status" CHECK ("group_member"."status" in ('pending', 'active'))
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"days" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"once_on" date,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"attendance" text NOT NULL,
	"location_name" text DEFAULT '' NOT NULL,
	"formatted_address" text,
	"latitude" double precision,
	"longitude" double precision,
	"location_notes" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"approximate_address" text DEFAULT '' NOT NULL,
	"conference_url" text,
	"conference_url_notes" text DEFAULT '' NOT NULL,
	"conference_phone" text,
	"conference_phone_notes" text DEFAULT '' NOT NULL,
	"types" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"readings" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "meeting_attendance" CHECK ("meeting"."attendance" in ('in_person', 'online', 'hybrid', 'inactive')),
	CONSTRAINT "meeting_times" CHECK ("meeting"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "meeting"."end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "meeting_schedule" CHECK (("meeting"."once_on" is null) <> (cardinality("meeting"."days") = 0)),
	CONSTRAINT "meeting_coordinates" CHECK (("meeting"."latitude" is null) = ("meeting"."longitude" is null) and coalesce("meeting"."latitude" between -90 and 90, true) and coalesce("meeting"."longitude" between -180 and 180, true))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_method" CHECK ("meeting_attendance"."method" in ('self', 'roster'))
);
--> statement-breakpoint
CREATE TABLE "meeting_occurrence" (
	"meeting_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"moved_date" date,
	"moved_start" text,
	"moved_end" text,
	"topic" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_occurrence_meeting_id_local_date_pk" PRIMARY KEY("meeting_id","local_date"),
	CONSTRAINT "meeting_occurrence_status" CHECK ("meeting_occurrence"."status" in ('scheduled', 'cancelled', 'moved')),
	CONSTRAINT "meeting_occurrence_moved" CHECK (("meeting_occurrence"."status" = 'moved') = ("meeting_occurrence"."moved_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_rsvp" (
	"meeting_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rsvp_meeting_id_local_date_user_id_pk" PRIMARY KEY("meeting_id","local_date","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings_feed_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_group" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"pathway" text NOT NULL,
	"fellowship" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text NOT NULL,
	"membership" text NOT NULL,
	"conference_visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "support_group_visibility" CHECK ("support_group"."visibility" in ('public', 'members')),
	CONSTRAINT "support_group_membership" CHECK ("support_group"."membership" in ('open', 'approval')),
	CONSTRAINT "support_group_conference_visibility" CHECK ("support_group"."conference_visibility" in ('public', 'group_members'))
);
--> statement-breakpoint
ALTER TABLE "attendance_proof" ADD CONSTRAINT "attendance_proof_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_token" ADD CONSTRAINT "calendar_token_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_group_id_support_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."support_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_group_id_support_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."support_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence" ADD CONSTRAINT "meeting_occurrence_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rsvp" ADD CONSTRAINT "meeting_rsvp_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rsvp" ADD CONSTRAINT "meeting_rsvp_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_proof_code" ON "attendance_proof" USING btree ("code");--> statement-breakpoint
CREATE INDEX "attendance_proof_user_idx" ON "attendance_proof" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_token_token" ON "calendar_token" USING btree ("token");--> statement-breakpoint
CREATE INDEX "group_member_user_idx" ON "group_member" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_slug" ON "meeting" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "meeting_group_idx" ON "meeting" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "meeting_latitude_idx" ON "meeting" USING btree ("latitude","longitude") WHERE "meeting"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "meeting_types_idx" ON "meeting" USING gin ("types");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_once" ON "meeting_attendance" USING btree ("meeting_id","local_date","user_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_user_idx" ON "meeting_attendance" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_rsvp_user_idx" ON "meeting_rsvp" USING btree ("user_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "support_group_slug" ON "support_group" USING btree ("slug");