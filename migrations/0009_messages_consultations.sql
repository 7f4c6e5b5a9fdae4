CREATE TYPE "public"."application_message_side" AS ENUM('organisation', 'staff');--> statement-breakpoint
CREATE TYPE "public"."consultation_answer_channel" AS ENUM('link', 'phone');--> statement-breakpoint
CREATE TYPE "public"."partner_confirmation_status" AS ENUM('sent', 'confirmed', 'denied', 'no_answer');--> statement-breakpoint
CREATE TYPE "public"."region_opinion_value" AS ENUM('favourable', 'reserved', 'unfavourable');--> statement-breakpoint
CREATE TABLE "application_message_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"detected_type" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_message_reads" (
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_message_reads_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "application_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"side" "application_message_side" NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"partner_key" text NOT NULL,
	"partner_name" text NOT NULL,
	"partner_type" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"commitment" text DEFAULT '' NOT NULL,
	"hiring_promises" integer,
	"status" "partner_confirmation_status" DEFAULT 'sent' NOT NULL,
	"token_hash" text,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"expires_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"channel" "consultation_answer_channel",
	"partnership_confirmed" boolean,
	"commitment_confirmed" boolean,
	"comment" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"motivation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_contacts" (
	"region_code" text PRIMARY KEY NOT NULL,
	"region_name" text NOT NULL,
	"email" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"opinion" "region_opinion_value",
	"respondent_name" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_message_files" ADD CONSTRAINT "application_message_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_message_files" ADD CONSTRAINT "application_message_files_message_id_application_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."application_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_message_reads" ADD CONSTRAINT "application_message_reads_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_message_reads" ADD CONSTRAINT "application_message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_messages" ADD CONSTRAINT "application_messages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_messages" ADD CONSTRAINT "application_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_contacts" ADD CONSTRAINT "region_contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_opinions" ADD CONSTRAINT "region_opinions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_opinions" ADD CONSTRAINT "region_opinions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_message_files_key_uq" ON "application_message_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "application_message_files_msg_idx" ON "application_message_files" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "application_message_reads_user_idx" ON "application_message_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_messages_app_idx" ON "application_messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_confirmations_partner_uq" ON "partner_confirmations" USING btree ("application_id","partner_key");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_confirmations_token_uq" ON "partner_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "partner_confirmations_status_idx" ON "partner_confirmations" USING btree ("status","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "region_opinions_app_region_uq" ON "region_opinions" USING btree ("application_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "region_opinions_token_uq" ON "region_opinions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "region_opinions_due_idx" ON "region_opinions" USING btree ("due_on");