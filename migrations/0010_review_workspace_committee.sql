ALTER TYPE "public"."committee_outcome" ADD VALUE 'deferred';--> statement-breakpoint
CREATE TABLE "application_follows" (
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_follows_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "application_tags" (
	"application_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	CONSTRAINT "application_tags_application_id_tag_id_pk" PRIMARY KEY("application_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "decision_mails" (
	"decision_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"edited_at" timestamp with time zone,
	"edited_by" uuid,
	"sent_at" timestamp with time zone,
	"sent_by" uuid
);
--> statement-breakpoint
CREATE TABLE "review_group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "review_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "review_group_regions" (
	"group_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "review_group_regions_group_id_region_code_pk" PRIMARY KEY("group_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "review_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"discussion_gap" numeric(4, 2) DEFAULT '2' NOT NULL,
	"reviewers_per_application" integer DEFAULT 2 NOT NULL,
	"seed_grant_max_share" numeric(3, 2) DEFAULT '0.80' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "review_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"colour" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "committee_decisions_app_uq";--> statement-breakpoint
ALTER TABLE "committee_decisions" ADD COLUMN "seed_grant" integer;--> statement-breakpoint
ALTER TABLE "committee_decisions" ADD COLUMN "deferred_to_cutoff_id" uuid;--> statement-breakpoint
ALTER TABLE "application_follows" ADD CONSTRAINT "application_follows_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_follows" ADD CONSTRAINT "application_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_tags" ADD CONSTRAINT "application_tags_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_tags" ADD CONSTRAINT "application_tags_tag_id_review_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."review_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_mails" ADD CONSTRAINT "decision_mails_decision_id_committee_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."committee_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_mails" ADD CONSTRAINT "decision_mails_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_mails" ADD CONSTRAINT "decision_mails_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_mails" ADD CONSTRAINT "decision_mails_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_group_members" ADD CONSTRAINT "review_group_members_group_id_review_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."review_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_group_members" ADD CONSTRAINT "review_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_group_regions" ADD CONSTRAINT "review_group_regions_group_id_review_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."review_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_follows_user_idx" ON "application_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_tags_tag_idx" ON "application_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "decision_mails_meeting_idx" ON "decision_mails" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "review_group_members_user_idx" ON "review_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "review_group_regions_region_idx" ON "review_group_regions" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "review_groups_name_uq" ON "review_groups" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "review_tags_label_uq" ON "review_tags" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_uq" ON "saved_views" USING btree ("user_id","name");--> statement-breakpoint
ALTER TABLE "committee_decisions" ADD CONSTRAINT "committee_decisions_deferred_to_cutoff_id_call_cutoffs_id_fk" FOREIGN KEY ("deferred_to_cutoff_id") REFERENCES "public"."call_cutoffs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_decisions_final_uq" ON "committee_decisions" USING btree ("application_id") WHERE "committee_decisions"."deferred_to_cutoff_id" is null;