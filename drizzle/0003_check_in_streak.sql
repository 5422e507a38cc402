CREATE TABLE "check_in_streak" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_run_end" date NOT NULL,
	"last_run_length" integer NOT NULL,
	"longest" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_in_streak" ADD CONSTRAINT "check_in_streak_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;