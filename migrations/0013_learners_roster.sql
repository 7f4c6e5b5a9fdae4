CREATE TYPE "public"."attendance_breach_kind" AS ENUM('classes', 'exams');--> statement-breakpoint
CREATE TABLE "attendance_breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"crous_office_id" uuid NOT NULL,
	"kind" "attendance_breach_kind" NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"details" text NOT NULL,
	"notice_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crous_offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"wave" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"situation" "exit_situation",
	"satisfaction" integer,
	"comment" text
);
--> statement-breakpoint
ALTER TABLE "attendance_breaches" ADD CONSTRAINT "attendance_breaches_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_breaches" ADD CONSTRAINT "attendance_breaches_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_breaches" ADD CONSTRAINT "attendance_breaches_crous_office_id_crous_offices_id_fk" FOREIGN KEY ("crous_office_id") REFERENCES "public"."crous_offices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_breaches" ADD CONSTRAINT "attendance_breaches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_imports" ADD CONSTRAINT "learner_imports_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_imports" ADD CONSTRAINT "learner_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_surveys" ADD CONSTRAINT "learner_surveys_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_breaches_session_idx" ON "attendance_breaches" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crous_offices_name_uq" ON "crous_offices" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "learner_surveys_token_uq" ON "learner_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "learner_surveys_wave_uq" ON "learner_surveys" USING btree ("learner_id","wave");