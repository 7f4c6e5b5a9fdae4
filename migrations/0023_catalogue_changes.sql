CREATE TABLE "catalogue_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"label_id" uuid,
	"version" bigint
);
--> statement-breakpoint
CREATE INDEX "catalogue_changes_version_idx" ON "catalogue_changes" USING btree ("version");--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_stamp() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
  UPDATE "catalogue_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1 RETURNING "version" INTO v;
  UPDATE "catalogue_changes" SET "version" = v WHERE "version" IS NULL;
  DELETE FROM "catalogue_changes" WHERE "version" < v - 100000;
  PERFORM pg_notify('catalogue_version', v::text);
  RETURN v;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_stamp();
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_bump_section() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalogue_changes" ("label_id") SELECT "id" FROM "labels" WHERE "application_id" = COALESCE(NEW."application_id", OLD."application_id");
  IF FOUND THEN
    PERFORM catalogue_stamp();
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_note_label() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "catalogue_changes" ("label_id") VALUES (OLD."id");
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."id" IS DISTINCT FROM NEW."id" THEN
      INSERT INTO "catalogue_changes" ("label_id") VALUES (OLD."id");
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "catalogue_changes" ("label_id") VALUES (NEW."id");
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_note_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "catalogue_changes" ("label_id") VALUES (OLD."label_id");
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."label_id" IS DISTINCT FROM NEW."label_id" THEN
      INSERT INTO "catalogue_changes" ("label_id") VALUES (OLD."label_id");
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "catalogue_changes" ("label_id") VALUES (NEW."label_id");
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_note_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalogue_changes" ("label_id") SELECT "id" FROM "labels" WHERE "organisation_id" = COALESCE(NEW."id", OLD."id");
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_note_family() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalogue_changes" ("label_id") SELECT "id" FROM "labels" WHERE "call_id" = COALESCE(NEW."call_id", OLD."call_id");
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "catalogue_labels_noted" AFTER INSERT OR UPDATE OR DELETE ON "labels" FOR EACH ROW EXECUTE FUNCTION catalogue_note_label();--> statement-breakpoint
CREATE TRIGGER "catalogue_sessions_noted" AFTER INSERT OR UPDATE OR DELETE ON "training_sessions" FOR EACH ROW EXECUTE FUNCTION catalogue_note_session();--> statement-breakpoint
CREATE TRIGGER "catalogue_organisations_noted" AFTER UPDATE OR DELETE ON "organisations" FOR EACH ROW EXECUTE FUNCTION catalogue_note_organisation();--> statement-breakpoint
CREATE TRIGGER "catalogue_families_noted" AFTER INSERT OR UPDATE OR DELETE ON "job_families" FOR EACH ROW EXECUTE FUNCTION catalogue_note_family();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_note_learner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalogue_changes" ("label_id") SELECT "label_id" FROM "training_sessions" WHERE "id" = COALESCE(NEW."session_id", OLD."session_id");
  IF TG_OP = 'UPDATE' AND NEW."session_id" <> OLD."session_id" THEN
    INSERT INTO "catalogue_changes" ("label_id") SELECT "label_id" FROM "training_sessions" WHERE "id" = OLD."session_id";
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "catalogue_learners_noted" AFTER INSERT OR UPDATE OR DELETE ON "learners" FOR EACH ROW EXECUTE FUNCTION catalogue_note_learner();--> statement-breakpoint
CREATE TRIGGER "catalogue_learners_changed" AFTER INSERT OR UPDATE OR DELETE ON "learners" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
