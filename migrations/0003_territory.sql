CREATE TABLE "territory_commune_statuses" (
	"version" text NOT NULL,
	"insee_code" text NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "territory_commune_statuses_pk" PRIMARY KEY("version","insee_code")
);
--> statement-breakpoint
CREATE TABLE "territory_geography_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text DEFAULT '' NOT NULL,
	"item_count" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territory_geography_versions_kind_ck" CHECK ("territory_geography_versions"."kind" in ('qpv', 'zrr', 'frr')),
	CONSTRAINT "territory_geography_versions_period_ck" CHECK ("territory_geography_versions"."valid_to" is null or "territory_geography_versions"."valid_to" >= "territory_geography_versions"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "territory_qpv_zones" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"commune_code" text,
	"commune_name" text NOT NULL,
	"departement_code" text,
	"geometry" jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	CONSTRAINT "territory_qpv_zones_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "territory_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"filename" text NOT NULL,
	"encoding" text NOT NULL,
	"header" jsonb NOT NULL,
	"mapping" jsonb,
	"date" text,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "territory_commune_statuses" ADD CONSTRAINT "territory_commune_statuses_version_territory_geography_versions_name_fk" FOREIGN KEY ("version") REFERENCES "public"."territory_geography_versions"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_qpv_zones" ADD CONSTRAINT "territory_qpv_zones_version_territory_geography_versions_name_fk" FOREIGN KEY ("version") REFERENCES "public"."territory_geography_versions"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "territory_qpv_zones_commune_idx" ON "territory_qpv_zones" USING btree ("version","commune_code");--> statement-breakpoint
CREATE INDEX "territory_batches_expires_idx" ON "territory_batches" USING btree ("expires_at");