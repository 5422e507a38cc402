CREATE TABLE "messaging_preference" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"accepts_requests" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messaging_preference" ADD CONSTRAINT "messaging_preference_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;