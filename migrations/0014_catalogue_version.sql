CREATE TABLE "catalogue_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_decisions" DROP CONSTRAINT "committee_decisions_deferred_to_cutoff_id_call_cutoffs_id_fk";
--> statement-breakpoint
DROP INDEX "committee_decisions_final_uq";--> statement-breakpoint
ALTER TABLE "committee_decisions" ADD CONSTRAINT "committee_decisions_deferred_to_cutoff_id_call_cutoffs_id_fk" FOREIGN KEY ("deferred_to_cutoff_id") REFERENCES "public"."call_cutoffs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_decisions_final_uq" ON "committee_decisions" USING btree ("application_id") WHERE "committee_decisions"."deferred_to_cutoff_id" is null;--> statement-breakpoint
INSERT INTO "catalogue_version" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_bump_section() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "labels" WHERE "application_id" = COALESCE(NEW."application_id", OLD."application_id")) THEN
    UPDATE "catalogue_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "catalogue_labels_changed" AFTER INSERT OR UPDATE OR DELETE ON "labels" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();--> statement-breakpoint
CREATE TRIGGER "catalogue_sessions_changed" AFTER INSERT OR UPDATE OR DELETE ON "training_sessions" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();--> statement-breakpoint
CREATE TRIGGER "catalogue_organisations_changed" AFTER INSERT OR UPDATE OR DELETE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();--> statement-breakpoint
CREATE TRIGGER "catalogue_families_changed" AFTER INSERT OR UPDATE OR DELETE ON "job_families" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();--> statement-breakpoint
CREATE TRIGGER "catalogue_sections_changed" AFTER INSERT OR UPDATE OR DELETE ON "application_sections" FOR EACH ROW EXECUTE FUNCTION catalogue_bump_section();
