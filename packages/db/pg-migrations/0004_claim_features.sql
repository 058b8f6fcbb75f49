CREATE TABLE "claim_features" (
	"claim_id" integer PRIMARY KEY NOT NULL,
	"content" text NOT NULL,
	"features" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_features" ADD CONSTRAINT "claim_features_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;