CREATE TYPE "public"."answer_kind" AS ENUM('none', 'choice', 'number', 'math', 'text');--> statement-breakpoint
CREATE TYPE "public"."source_status" AS ENUM('importing', 'ready');--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"width" integer,
	"height" integer,
	"thumbnail_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"label" text NOT NULL,
	"origin" text NOT NULL,
	"format" text NOT NULL,
	"status" "source_status" DEFAULT 'importing' NOT NULL,
	"file_sha256" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_skipped" integer DEFAULT 0 NOT NULL,
	"import_run_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"content_hash" text NOT NULL,
	"sample_count" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sample_count" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_images" (
	"sample_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"blob_sha256" text NOT NULL,
	"original_path" text,
	CONSTRAINT "sample_images_sample_id_position_pk" PRIMARY KEY("sample_id","position")
);
--> statement-breakpoint
CREATE TABLE "samples" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "samples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dataset_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"external_id" text,
	"content_hash" text NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answer_kind" "answer_kind" DEFAULT 'none' NOT NULL,
	"trace" text,
	"trace_length" integer DEFAULT 0 NOT NULL,
	"system_prompt" text,
	"messages" jsonb,
	"extra" jsonb,
	"image_count" integer DEFAULT 0 NOT NULL,
	"thumbnail_sha256" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"excluded" boolean DEFAULT false NOT NULL,
	"search_text" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', left(coalesce("samples"."question", ''), 100000) || ' ' || left(coalesce("samples"."answer", ''), 10000))) STORED
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "version_samples" (
	"version_id" uuid NOT NULL,
	"sample_id" bigint NOT NULL,
	CONSTRAINT "version_samples_version_id_sample_id_pk" PRIMARY KEY("version_id","sample_id")
);
--> statement-breakpoint
ALTER TABLE "dataset_sources" ADD CONSTRAINT "dataset_sources_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_sources" ADD CONSTRAINT "dataset_sources_import_run_id_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_images" ADD CONSTRAINT "sample_images_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_images" ADD CONSTRAINT "sample_images_blob_sha256_blobs_sha256_fk" FOREIGN KEY ("blob_sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_source_id_dataset_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."dataset_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_samples" ADD CONSTRAINT "version_samples_version_id_dataset_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_samples" ADD CONSTRAINT "version_samples_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blobs_thumbnail_idx" ON "blobs" USING btree ("thumbnail_sha256");--> statement-breakpoint
CREATE INDEX "dataset_sources_dataset_idx" ON "dataset_sources" USING btree ("dataset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_versions_number_idx" ON "dataset_versions" USING btree ("dataset_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_project_name_idx" ON "datasets" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "sample_images_blob_idx" ON "sample_images" USING btree ("blob_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "samples_dataset_hash_idx" ON "samples" USING btree ("dataset_id","content_hash");--> statement-breakpoint
CREATE INDEX "samples_dataset_id_idx" ON "samples" USING btree ("dataset_id","id");--> statement-breakpoint
CREATE INDEX "samples_search_idx" ON "samples" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "samples_tags_idx" ON "samples" USING gin ("tags");