CREATE TABLE "application_pending_saves" (
	"token" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rncp_certifications" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"level" text DEFAULT '' NOT NULL,
	"active" boolean NOT NULL,
	"valid_until" date
);
--> statement-breakpoint
CREATE TABLE "rncp_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "renewed_from_id" uuid;--> statement-breakpoint
ALTER TABLE "application_pending_saves" ADD CONSTRAINT "application_pending_saves_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_pending_saves_exp_idx" ON "application_pending_saves" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_renewed_from_id_applications_id_fk" FOREIGN KEY ("renewed_from_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;