CREATE TABLE "review_clearances" (
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_clearances_application_id_reviewer_id_pk" PRIMARY KEY("application_id","reviewer_id")
);
--> statement-breakpoint
ALTER TABLE "review_clearances" ADD CONSTRAINT "review_clearances_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_clearances" ADD CONSTRAINT "review_clearances_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_clearances_reviewer_idx" ON "review_clearances" USING btree ("reviewer_id");