ALTER TYPE "public"."change_request_type" ADD VALUE 'session_dates';--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"random" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "approved_start" date;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "previous_start" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "previous_end" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "new_start" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "new_end" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE set null ON UPDATE no action;