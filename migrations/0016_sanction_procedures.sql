CREATE TYPE "public"."sanction_measure" AS ENUM('warning', 'seed_grant_withheld', 'suspension', 'withdrawal');--> statement-breakpoint
CREATE TYPE "public"."sanction_status" AS ENUM('answer_period', 'answered', 'applied', 'abandoned');--> statement-breakpoint
CREATE TABLE "sanction_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure" "sanction_measure" NOT NULL,
	"status" "sanction_status" DEFAULT 'answer_period' NOT NULL,
	"grounds" text NOT NULL,
	"notice_on" text NOT NULL,
	"answer_due_on" text NOT NULL,
	"noticed_by" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"decision_motivation" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sanction_procedures" ADD CONSTRAINT "sanction_procedures_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_procedures" ADD CONSTRAINT "sanction_procedures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_procedures" ADD CONSTRAINT "sanction_procedures_noticed_by_users_id_fk" FOREIGN KEY ("noticed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_procedures" ADD CONSTRAINT "sanction_procedures_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_procedures" ADD CONSTRAINT "sanction_procedures_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sanction_procedures_label_idx" ON "sanction_procedures" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "sanction_procedures_org_idx" ON "sanction_procedures" USING btree ("organisation_id");