CREATE TABLE "crisis_resource" (
	"id" uuid PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phone" text,
	"sms_number" text,
	"sms_body" text,
	"url" text,
	"emergency" boolean DEFAULT false NOT NULL,
	CONSTRAINT "crisis_resource_reachable" CHECK ("crisis_resource"."phone" is not null or "crisis_resource"."sms_number" is not null or "crisis_resource"."url" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_resource_order" ON "crisis_resource" USING btree ("locale","position");