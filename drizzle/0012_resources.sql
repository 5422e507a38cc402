CREATE TABLE "coping_library_helped" (
	"strategy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coping_library_helped_strategy_id_user_id_pk" PRIMARY KEY("strategy_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "coping_library_strategy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"when_helps" text[] NOT NULL,
	"steps" text[] NOT NULL,
	"source" text NOT NULL,
	"programme" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"author_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coping_library_source" CHECK ("coping_library_strategy"."source" in ('kindred', 'peer', 'programme')),
	CONSTRAINT "coping_library_status" CHECK ("coping_library_strategy"."status" in ('pending', 'approved', 'rejected', 'hidden'))
);
--> statement-breakpoint
CREATE TABLE "resource" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"origin" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"phone" text,
	"text_number" text,
	"text_keyword" text,
	"website" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"time_zone" text,
	"always_open" boolean DEFAULT false NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"costs" text[] DEFAULT '{}'::text[] NOT NULL,
	"cost_note" text,
	"eligibility" text,
	"in_person" boolean DEFAULT false NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"crisis_screen" boolean DEFAULT false NOT NULL,
	"external_id" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"suggested_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"geo_cell" integer GENERATED ALWAYS AS (((floor(latitude)::int + 90) * 360 + floor(longitude)::int + 180)) STORED,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(translations->'es'->>'name', '') || ' ' || coalesce(translations->'en'->>'name', '')), 'A') || setweight(to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(translations->'en'->>'description', '')), 'B') || setweight(to_tsvector('spanish', coalesce(translations->'es'->>'name', '') || ' ' || coalesce(translations->'es'->>'description', '') || ' ' || coalesce(description, '')), 'C')) STORED,
	CONSTRAINT "resource_category" CHECK ("resource"."category" in ('crisis_lines', 'treatment_detox', 'medication_treatment', 'mental_health', 'harm_reduction', 'housing', 'employment', 'legal_aid', 'food', 'transport', 'family_support', 'mutual_aid')),
	CONSTRAINT "resource_audience" CHECK ("resource"."audience" in ('public', 'members')),
	CONSTRAINT "resource_status" CHECK ("resource"."status" in ('published', 'suggested', 'rejected', 'archived')),
	CONSTRAINT "resource_origin" CHECK ("resource"."origin" in ('starter', 'coordinator', 'suggestion', 'import')),
	CONSTRAINT "resource_location_pair" CHECK (("resource"."latitude" is null) = ("resource"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "resource_hours" (
	"resource_id" uuid NOT NULL,
	"day" smallint NOT NULL,
	"opens" smallint NOT NULL,
	"closes" smallint NOT NULL,
	CONSTRAINT "resource_hours_resource_id_day_opens_pk" PRIMARY KEY("resource_id","day","opens"),
	CONSTRAINT "resource_hours_day" CHECK ("resource_hours"."day" between 1 and 7),
	CONSTRAINT "resource_hours_span" CHECK ("resource_hours"."opens" >= 0 and "resource_hours"."opens" < "resource_hours"."closes" and "resource_hours"."closes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "resource_tip" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"rating" smallint,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_tip_kind" CHECK ("resource_tip"."kind" in ('tip', 'review')),
	CONSTRAINT "resource_tip_status" CHECK ("resource_tip"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "resource_tip_rating" CHECK (("resource_tip"."kind" = 'review') = ("resource_tip"."rating" is not null) and ("resource_tip"."rating" is null or "resource_tip"."rating" between 1 and 5))
);
--> statement-breakpoint
ALTER TABLE "coping_strategy" ADD COLUMN "library_strategy_id" uuid;--> statement-breakpoint
ALTER TABLE "coping_library_helped" ADD CONSTRAINT "coping_library_helped_strategy_id_coping_library_strategy_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."coping_library_strategy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coping_library_helped" ADD CONSTRAINT "coping_library_helped_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coping_library_strategy" ADD CONSTRAINT "coping_library_strategy_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coping_library_strategy" ADD CONSTRAINT "coping_library_strategy_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_verified_by_user_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_suggested_by_user_id_fk" FOREIGN KEY ("suggested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_hours" ADD CONSTRAINT "resource_hours_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_tip" ADD CONSTRAINT "resource_tip_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_tip" ADD CONSTRAINT "resource_tip_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_tip" ADD CONSTRAINT "resource_tip_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coping_library_helped_user_idx" ON "coping_library_helped" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coping_library_key" ON "coping_library_strategy" USING btree ("key","locale");--> statement-breakpoint
CREATE INDEX "coping_library_status_idx" ON "coping_library_strategy" USING btree ("status","locale");--> statement-breakpoint
CREATE INDEX "coping_library_when_idx" ON "coping_library_strategy" USING gin ("when_helps");--> statement-breakpoint
CREATE INDEX "resource_search_idx" ON "resource" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "resource_category_idx" ON "resource" USING btree ("status","category");--> statement-breakpoint
CREATE INDEX "resource_cell_idx" ON "resource" USING btree ("geo_cell","category") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "resource_near_idx" ON "resource" USING btree ("latitude","longitude","audience","category","always_open","time_zone","online","id","name","phone","text_number") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "resource_external_id" ON "resource" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "resource_tip_resource_idx" ON "resource_tip" USING btree ("resource_id","status");--> statement-breakpoint
CREATE INDEX "resource_tip_pending_idx" ON "resource_tip" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "coping_strategy" ADD CONSTRAINT "coping_strategy_library_strategy_id_coping_library_strategy_id_fk" FOREIGN KEY ("library_strategy_id") REFERENCES "public"."coping_library_strategy"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coping_strategy_library_once" ON "coping_strategy" USING btree ("user_id","library_strategy_id");