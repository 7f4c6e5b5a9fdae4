CREATE TYPE "public"."obligation_kind" AS ENUM('first_session', 'start_attestation', 'end_report', 'outcomes_3m', 'outcomes_6m', 'annual_report');--> statement-breakpoint
CREATE TYPE "public"."session_modality" AS ENUM('presentiel', 'distance', 'hybride');--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('planned', 'started', 'ended', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."certification_result" AS ENUM('full', 'partial', 'no', 'not_presented');--> statement-breakpoint
CREATE TYPE "public"."education_level" AS ENUM('infra_bac', 'bac', 'bac_2', 'bac_3_plus');--> statement-breakpoint
CREATE TYPE "public"."entry_situation" AS ENUM('job_seeker', 'rsa', 'neet', 'employee', 'other');--> statement-breakpoint
CREATE TYPE "public"."exit_situation" AS ENUM('cdi', 'cdd_6m_plus', 'cdd_under_6m', 'interim', 'work_study', 'business_creation', 'further_training', 'job_seeking', 'inactive', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."learner_completion" AS ENUM('completed', 'left');--> statement-breakpoint
CREATE TYPE "public"."learner_sex" AS ENUM('F', 'M');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('placed', 'unplaced', 'overridden');--> statement-breakpoint
CREATE TABLE "obligation_reminders" (
	"obligation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"session_id" uuid,
	"kind" "obligation_kind" NOT NULL,
	"year" integer,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"initial_start" date NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"place" jsonb NOT NULL,
	"modality" "session_modality" NOT NULL,
	"places" integer NOT NULL,
	"work_study" boolean DEFAULT false NOT NULL,
	"status" "session_status" DEFAULT 'planned' NOT NULL,
	"start_attested_at" timestamp with time zone,
	"end_reported_at" timestamp with time zone,
	"end_report_accepted_at" timestamp with time zone,
	"cancelled_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"last_name" text,
	"first_name" text,
	"birth_date" date,
	"email" text,
	"phone" text,
	"address" text,
	"sex" "learner_sex" NOT NULL,
	"birth_year" text,
	"education_level" "education_level" NOT NULL,
	"entry_situation" "entry_situation" NOT NULL,
	"rqth" boolean DEFAULT false NOT NULL,
	"crous_aid" boolean DEFAULT false NOT NULL,
	"placement" "placement_status" DEFAULT 'unplaced' NOT NULL,
	"insee_code" text,
	"commune" text,
	"departement" text,
	"region" text,
	"qpv_code" text,
	"in_qpv" boolean,
	"in_zrr_frr" boolean,
	"geo_versions" text,
	"override_reason" text,
	"left_on" date,
	"left_reason" text,
	"completion" "learner_completion",
	"certification" "certification_result",
	"situation_at_exit" "exit_situation",
	"situation_3m" "exit_situation",
	"situation_6m" "exit_situation",
	"minimised_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "obligation_reminders" ADD CONSTRAINT "obligation_reminders_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "obligation_reminders_uq" ON "obligation_reminders" USING btree ("obligation_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "obligations_key_uq" ON "obligations" USING btree ("key");--> statement-breakpoint
CREATE INDEX "obligations_due_idx" ON "obligations" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "obligations_org_idx" ON "obligations" USING btree ("organisation_id","due_on");--> statement-breakpoint
CREATE INDEX "training_sessions_label_idx" ON "training_sessions" USING btree ("label_id","planned_start");--> statement-breakpoint
CREATE INDEX "training_sessions_org_idx" ON "training_sessions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "training_sessions_start_idx" ON "training_sessions" USING btree ("planned_start");--> statement-breakpoint
CREATE INDEX "learners_session_idx" ON "learners" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "learners_org_idx" ON "learners" USING btree ("organisation_id");