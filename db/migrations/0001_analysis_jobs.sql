CREATE TYPE "public"."analysis_status" AS ENUM('queued', 'running', 'ready', 'failed');--> statement-breakpoint
ALTER TABLE "analyses" ALTER COLUMN "verdict" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ALTER COLUMN "ai_probability" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ALTER COLUMN "result" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "status" "analysis_status" DEFAULT 'ready' NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "progress" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "error" text;--> statement-breakpoint
CREATE INDEX "analyses_status_created_idx" ON "analyses" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_progress_range" CHECK ("analyses"."progress" >= 0 and "analyses"."progress" <= 1);--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_ready_has_result" CHECK ("analyses"."status" <> 'ready' or ("analyses"."verdict" is not null and "analyses"."ai_probability" is not null and "analyses"."result" is not null));