CREATE TYPE "public"."verdict_item_kind" AS ENUM('sample', 'evaluation_sample', 'rollout');--> statement-breakpoint
CREATE TABLE "model_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"model" text NOT NULL,
	"api_key_sealed" text,
	"concurrency" integer DEFAULT 8 NOT NULL,
	"requests_per_minute" integer,
	"timeout_ms" integer DEFAULT 120000 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "judge_cache" (
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"reply" text NOT NULL,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judge_cache_project_id_key_pk" PRIMARY KEY("project_id","key")
);
--> statement-breakpoint
CREATE TABLE "judge_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"system_prompt" text DEFAULT '' NOT NULL,
	"user_prompt" text NOT NULL,
	"asks_rationale" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verdict_labels" (
	"project_id" uuid NOT NULL,
	"item_kind" "verdict_item_kind" NOT NULL,
	"item_id" bigint NOT NULL,
	"correct" boolean NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"verdict_id" bigint,
	"labelled_by" text,
	"labelled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verdict_labels_project_id_item_kind_item_id_pk" PRIMARY KEY("project_id","item_kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "verdicts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "verdicts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"item_kind" "verdict_item_kind" NOT NULL,
	"item_id" bigint NOT NULL,
	"match" boolean,
	"decided_by" text NOT NULL,
	"reason" text NOT NULL,
	"gold_extracted" text,
	"pred_extracted" text,
	"stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"judge_reply" text,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"cached" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_endpoints" ADD CONSTRAINT "model_endpoints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_endpoints" ADD CONSTRAINT "model_endpoints_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_cache" ADD CONSTRAINT "judge_cache_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_templates" ADD CONSTRAINT "judge_templates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_templates" ADD CONSTRAINT "judge_templates_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdict_labels" ADD CONSTRAINT "verdict_labels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdict_labels" ADD CONSTRAINT "verdict_labels_verdict_id_verdicts_id_fk" FOREIGN KEY ("verdict_id") REFERENCES "public"."verdicts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdict_labels" ADD CONSTRAINT "verdict_labels_labelled_by_user_id_fk" FOREIGN KEY ("labelled_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_endpoints_project_name_idx" ON "model_endpoints" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "judge_templates_name_version_idx" ON "judge_templates" USING btree ("project_id","name","version");--> statement-breakpoint
CREATE INDEX "verdict_labels_verdict_idx" ON "verdict_labels" USING btree ("verdict_id") WHERE "verdict_labels"."verdict_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "verdicts_run_item_idx" ON "verdicts" USING btree ("run_id","item_kind","item_id");--> statement-breakpoint
CREATE INDEX "verdicts_item_idx" ON "verdicts" USING btree ("item_kind","item_id");