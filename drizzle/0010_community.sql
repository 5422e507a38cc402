CREATE TABLE "forum_category" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"read_access" text NOT NULL,
	"post_access" text NOT NULL,
	"group_id" uuid,
	"locale" text DEFAULT 'en' NOT NULL,
	"celebrations" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "forum_category_read" CHECK ("forum_category"."read_access" in ('public', 'members', 'group')),
	CONSTRAINT "forum_category_post" CHECK ("forum_category"."post_access" in ('members', 'group', 'moderators'))
);
--> statement-breakpoint
CREATE TABLE "forum_guidelines_acceptance" (
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_guidelines_acceptance_user_id_version_pk" PRIMARY KEY("user_id","version")
);
--> statement-breakpoint
CREATE TABLE "forum_member" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"trust_level" smallint DEFAULT 0 NOT NULL,
	"trust_locked" boolean DEFAULT false NOT NULL,
	"topics_read" integer DEFAULT 0 NOT NULL,
	"posts_created" integer DEFAULT 0 NOT NULL,
	"suspended_until" timestamp with time zone,
	"banned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_member_trust" CHECK ("forum_member"."trust_level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "forum_moderation_action" (
	"id" uuid PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"moderator_id" uuid,
	"target_user_id" uuid,
	"post_id" uuid,
	"topic_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"note" text,
	"until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_post" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text DEFAULT 'post' NOT NULL,
	"author_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"html" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"search" "tsvector" NOT NULL,
	"reply_to_post_id" uuid,
	"status" text DEFAULT 'visible' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "forum_post_status" CHECK ("forum_post"."status" in ('visible', 'held', 'hidden', 'deleted')),
	CONSTRAINT "forum_post_kind" CHECK ("forum_post"."kind" in ('post', 'milestone')),
	CONSTRAINT "forum_post_locale" CHECK ("forum_post"."locale" in ('en', 'es'))
);
--> statement-breakpoint
CREATE TABLE "forum_post_revision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"body" text NOT NULL,
	"title" text,
	"edited_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_queue_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"kinds" text[] NOT NULL,
	"rules" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"escalation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	CONSTRAINT "forum_queue_item_status" CHECK ("forum_queue_item"."status" in ('open', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "forum_reaction" (
	"post_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_reaction_post_id_user_id_kind_pk" PRIMARY KEY("post_id","user_id","kind"),
	CONSTRAINT "forum_reaction_kind" CHECK ("forum_reaction"."kind" in ('support', 'me_too', 'celebrate', 'thanks'))
);
--> statement-breakpoint
CREATE TABLE "forum_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"queue_item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_topic" (
	"id" uuid PRIMARY KEY NOT NULL,
	"category_id" uuid NOT NULL,
	"author_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"locked_at" timestamp with time zone,
	"pinned_at" timestamp with time zone,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"last_posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_topic_status" CHECK ("forum_topic"."status" in ('visible', 'held', 'hidden', 'deleted'))
);
--> statement-breakpoint
CREATE TABLE "forum_topic_read" (
	"user_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"last_read_number" integer DEFAULT 0 NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_topic_read_user_id_topic_id_pk" PRIMARY KEY("user_id","topic_id")
);
--> statement-breakpoint
ALTER TABLE "forum_category" ADD CONSTRAINT "forum_category_group_id_support_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."support_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_guidelines_acceptance" ADD CONSTRAINT "forum_guidelines_acceptance_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_member" ADD CONSTRAINT "forum_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_action" ADD CONSTRAINT "forum_moderation_action_moderator_id_user_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_action" ADD CONSTRAINT "forum_moderation_action_target_user_id_user_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_action" ADD CONSTRAINT "forum_moderation_action_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_action" ADD CONSTRAINT "forum_moderation_action_topic_id_forum_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topic"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_topic_id_forum_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topic"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_queue_item" ADD CONSTRAINT "forum_queue_item_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_queue_item" ADD CONSTRAINT "forum_queue_item_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_reaction" ADD CONSTRAINT "forum_reaction_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_reaction" ADD CONSTRAINT "forum_reaction_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_reporter_id_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_queue_item_id_forum_queue_item_id_fk" FOREIGN KEY ("queue_item_id") REFERENCES "public"."forum_queue_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topic" ADD CONSTRAINT "forum_topic_category_id_forum_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."forum_category"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topic" ADD CONSTRAINT "forum_topic_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topic_read" ADD CONSTRAINT "forum_topic_read_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topic_read" ADD CONSTRAINT "forum_topic_read_topic_id_forum_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topic"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forum_category_slug" ON "forum_category" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "forum_moderation_action_target_idx" ON "forum_moderation_action" USING btree ("target_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_post_topic_number" ON "forum_post" USING btree ("topic_id","number");--> statement-breakpoint
CREATE INDEX "forum_post_author_idx" ON "forum_post" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_post_search_idx" ON "forum_post" USING gin ("search");--> statement-breakpoint
CREATE INDEX "forum_post_revision_post_idx" ON "forum_post_revision" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_queue_item_one_open" ON "forum_queue_item" USING btree ("post_id") WHERE "forum_queue_item"."status" = 'open';--> statement-breakpoint
CREATE INDEX "forum_queue_item_status_idx" ON "forum_queue_item" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "forum_reaction_user_idx" ON "forum_reaction" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "forum_report_post_idx" ON "forum_report" USING btree ("post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_report_once" ON "forum_report" USING btree ("post_id","reporter_id","queue_item_id");--> statement-breakpoint
CREATE INDEX "forum_topic_category_idx" ON "forum_topic" USING btree ("category_id","status","last_posted_at");--> statement-breakpoint
CREATE INDEX "forum_topic_author_idx" ON "forum_topic" USING btree ("author_id");