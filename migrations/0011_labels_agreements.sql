CREATE TYPE "public"."label_signature_kind" AS ENUM('organisation', 'countersignature', 'signed_copy');--> statement-breakpoint
CREATE TABLE "label_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label_id" uuid NOT NULL,
	"kind" "label_signature_kind" NOT NULL,
	"signer_id" uuid,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signed_on" date,
	"file_name" text NOT NULL,
	"detected_type" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "termination_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "termination_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "termination_request_reason" text;--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "renewal_invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "label_signatures" ADD CONSTRAINT "label_signatures_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_signatures" ADD CONSTRAINT "label_signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "label_signatures_kind_uq" ON "label_signatures" USING btree ("label_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "label_signatures_key_uq" ON "label_signatures" USING btree ("storage_key");--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_termination_requested_by_users_id_fk" FOREIGN KEY ("termination_requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;