CREATE TABLE "crisis_sharing" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"safety_plan" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"sos_kind" text,
	"level" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_page_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "escalation_status" CHECK ("escalation"."status" in ('open', 'acknowledged', 'closed')),
	CONSTRAINT "escalation_level" CHECK ("escalation"."level" in ('urgent', 'emergency')),
	CONSTRAINT "escalation_source" CHECK ("escalation"."source" in ('check_in', 'sos', 'post', 'reply', 'message'))
);
--> statement-breakpoint
CREATE TABLE "escalation_action" (
	"id" uuid PRIMARY KEY NOT NULL,
	"escalation_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"escalation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_notification_reason" CHECK ("escalation_notification"."reason" in ('mentor', 'on_call', 'roster_next', 'coordinator'))
);
--> statement-breakpoint
CREATE TABLE "on_call_shift" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "on_call_shift_order" CHECK ("on_call_shift"."ends_at" > "on_call_shift"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "responder" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"certified" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crisis_sharing" ADD CONSTRAINT "crisis_sharing_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_acknowledged_by_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_action" ADD CONSTRAINT "escalation_action_escalation_id_escalation_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_action" ADD CONSTRAINT "escalation_action_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_notification" ADD CONSTRAINT "escalation_notification_escalation_id_escalation_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_notification" ADD CONSTRAINT "escalation_notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_shift" ADD CONSTRAINT "on_call_shift_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_shift" ADD CONSTRAINT "on_call_shift_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder" ADD CONSTRAINT "responder_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder" ADD CONSTRAINT "responder_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalation_member_idx" ON "escalation" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "escalation_due_idx" ON "escalation" USING btree ("next_page_at") WHERE "escalation"."status" = 'open';--> statement-breakpoint
CREATE INDEX "escalation_opened_idx" ON "escalation" USING btree ("opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_one_open_sos" ON "escalation" USING btree ("member_id") WHERE "escalation"."source" = 'sos' and "escalation"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "escalation_action_escalation_idx" ON "escalation_action" USING btree ("escalation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_notification_once" ON "escalation_notification" USING btree ("escalation_id","user_id");--> statement-breakpoint
CREATE INDEX "escalation_notification_user_idx" ON "escalation_notification" USING btree ("user_id","notified_at");--> statement-breakpoint
CREATE INDEX "on_call_shift_time_idx" ON "on_call_shift" USING btree ("ends_at","starts_at");