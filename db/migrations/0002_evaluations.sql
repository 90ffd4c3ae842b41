CREATE TYPE "public"."model_source" AS ENUM('evaluated', 'reference');--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"task" text NOT NULL,
	"metric" text NOT NULL,
	"filter" text DEFAULT 'none' NOT NULL,
	"modality" text DEFAULT 'image' NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_samples" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_samples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"evaluation_id" uuid NOT NULL,
	"task" text NOT NULL,
	"doc_id" text NOT NULL,
	"target" text,
	"response" text,
	"resps" jsonb,
	"input" text,
	"doc_hash" text,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" double precision
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"evaluation_id" uuid NOT NULL,
	"task" text NOT NULL,
	"metric" text NOT NULL,
	"filter" text NOT NULL,
	"value" double precision,
	"stderr" double precision,
	"stderr_kind" text,
	"higher_is_better" boolean,
	"raw" jsonb,
	"n_samples" integer,
	"reproduced" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluation_scores_evaluation_id_task_metric_filter_pk" PRIMARY KEY("evaluation_id","task","metric","filter")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"format" text NOT NULL,
	"label" text NOT NULL,
	"results_sha256" text,
	"date_id" text,
	"started_at" text,
	"lmms_eval_version" text,
	"git_hash" text,
	"model_args" jsonb,
	"harness" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_id" bigint,
	"imported_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" "model_source" NOT NULL,
	"source_label" text DEFAULT '' NOT NULL,
	"base_model" text,
	"sft_data" text,
	"rl_data" text,
	"lineage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paired_comparisons" (
	"evaluation_a" uuid NOT NULL,
	"evaluation_b" uuid NOT NULL,
	"task" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paired_comparisons_evaluation_a_evaluation_b_task_pk" PRIMARY KEY("evaluation_a","evaluation_b","task")
);
--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_samples" ADD CONSTRAINT "evaluation_samples_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_imported_by_user_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paired_comparisons" ADD CONSTRAINT "paired_comparisons_evaluation_a_evaluations_id_fk" FOREIGN KEY ("evaluation_a") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paired_comparisons" ADD CONSTRAINT "paired_comparisons_evaluation_b_evaluations_id_fk" FOREIGN KEY ("evaluation_b") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmarks_project_key_idx" ON "benchmarks" USING btree ("project_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_samples_doc_idx" ON "evaluation_samples" USING btree ("evaluation_id","task","doc_id");--> statement-breakpoint
CREATE INDEX "evaluations_model_idx" ON "evaluations" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_results_sha_idx" ON "evaluations" USING btree ("project_id","results_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "models_project_name_source_idx" ON "models" USING btree ("project_id","name","source_label");