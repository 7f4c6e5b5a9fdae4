ALTER TABLE "support_messages" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "support_messages_external_uq" ON "support_messages" USING btree ("external_id");