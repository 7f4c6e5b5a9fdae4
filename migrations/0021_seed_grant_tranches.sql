CREATE TYPE "public"."grant_tranche_condition" AS ENUM('start_attestation', 'end_report');--> statement-breakpoint
CREATE TYPE "public"."grant_tranche_state" AS ENUM('planned', 'payable', 'paid', 'withheld');--> statement-breakpoint
CREATE TABLE "grant_clawbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"decided_on" date NOT NULL,
	"motivation" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"session_rank" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"share_percent" integer NOT NULL,
	"condition" "grant_tranche_condition" NOT NULL,
	"amount_cents" integer NOT NULL,
	"state" "grant_tranche_state" DEFAULT 'planned' NOT NULL,
	"session_id" uuid,
	"payable_at" timestamp with time zone,
	"paid_on" date,
	"payment_reference" text,
	"motivation" text,
	"withheld_at" timestamp with time zone,
	"sanction_id" uuid,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_clawbacks" ADD CONSTRAINT "grant_clawbacks_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_clawbacks" ADD CONSTRAINT "grant_clawbacks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_clawbacks" ADD CONSTRAINT "grant_clawbacks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_sanction_id_sanction_procedures_id_fk" FOREIGN KEY ("sanction_id") REFERENCES "public"."sanction_procedures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_clawbacks_label_idx" ON "grant_clawbacks" USING btree ("label_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_tranches_label_uq" ON "grant_tranches" USING btree ("label_id","session_rank","position");--> statement-breakpoint
CREATE INDEX "grant_tranches_state_idx" ON "grant_tranches" USING btree ("state");--> statement-breakpoint
CREATE INDEX "grant_tranches_org_idx" ON "grant_tranches" USING btree ("organisation_id");