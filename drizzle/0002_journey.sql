CREATE TABLE "check_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"mood" smallint NOT NULL,
	"craving" smallint NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"trigger_note" text,
	"used" text NOT NULL,
	"hours_slept" numeric(3, 1),
	"meetings" smallint DEFAULT 0 NOT NULL,
	"gratitude" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_mood" CHECK ("check_in"."mood" between 1 and 5),
	CONSTRAINT "check_in_craving" CHECK ("check_in"."craving" between 0 and 10),
	CONSTRAINT "check_in_used" CHECK ("check_in"."used" in ('yes', 'no', 'prefer_not_to_say'))
);
--> statement-breakpoint
CREATE TABLE "coping_strategy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"measure" text NOT NULL,
	"target" integer NOT NULL,
	"period" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "goal_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"goal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"amount" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_consent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"grantee" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "milestone_reached" (
	"period_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"user_id" uuid NOT NULL,
	"reached_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_profile" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"pathways" text[] DEFAULT '{}'::text[] NOT NULL,
	"recovering_from" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_plan" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"sections" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sobriety_period" (
	"id" uuid PRIMARY KEY NOT NULL,
	"track_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"setback_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sobriety_track" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"announce_milestones" text DEFAULT 'no' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stage_assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "domain_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"user_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coping_strategy" ADD CONSTRAINT "coping_strategy_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_entry" ADD CONSTRAINT "goal_entry_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_entry" ADD CONSTRAINT "goal_entry_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_consent" ADD CONSTRAINT "journey_consent_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reached" ADD CONSTRAINT "milestone_reached_period_id_sobriety_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."sobriety_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reached" ADD CONSTRAINT "milestone_reached_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_profile" ADD CONSTRAINT "recovery_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plan" ADD CONSTRAINT "safety_plan_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sobriety_period" ADD CONSTRAINT "sobriety_period_track_id_sobriety_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."sobriety_track"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sobriety_period" ADD CONSTRAINT "sobriety_period_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sobriety_track" ADD CONSTRAINT "sobriety_track_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assessment" ADD CONSTRAINT "stage_assessment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentee_id_user_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_user_date" ON "check_in" USING btree ("user_id","local_date");--> statement-breakpoint
CREATE INDEX "coping_strategy_user_idx" ON "coping_strategy" USING btree ("user_id","position");--> statement-breakpoint
CREATE INDEX "goal_user_idx" ON "goal" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "goal_entry_goal_idx" ON "goal_entry" USING btree ("goal_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_consent_active" ON "journey_consent" USING btree ("user_id","category","grantee") WHERE "journey_consent"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_reached_unique" ON "milestone_reached" USING btree ("period_id","milestone");--> statement-breakpoint
CREATE UNIQUE INDEX "sobriety_period_one_open_per_track" ON "sobriety_period" USING btree ("track_id") WHERE "sobriety_period"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "sobriety_period_track_idx" ON "sobriety_period" USING btree ("track_id","started_on");--> statement-breakpoint
CREATE INDEX "sobriety_track_user_idx" ON "sobriety_track" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "stage_assessment_user_idx" ON "stage_assessment" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_one_active_per_mentee" ON "mentorship" USING btree ("mentee_id") WHERE "mentorship"."status" = 'active';--> statement-breakpoint
CREATE INDEX "mentorship_mentor_idx" ON "mentorship" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "domain_event_type_created_idx" ON "domain_event" USING btree ("type","created_at");