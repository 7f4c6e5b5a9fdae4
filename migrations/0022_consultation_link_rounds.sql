ALTER TABLE "partner_confirmations" ADD COLUMN "link_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD COLUMN "last_mail_id" uuid;--> statement-breakpoint
ALTER TABLE "region_opinions" ADD COLUMN "link_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "region_opinions" ADD COLUMN "last_mail_id" uuid;