ALTER TABLE "run_metric_keys" ADD COLUMN "id" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "run_metric_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "run_metric_keys" ADD COLUMN "last_step" integer DEFAULT -1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "run_metric_keys_id_idx" ON "run_metric_keys" USING btree ("id");--> statement-breakpoint
-- Points stored before this migration take the id of their key, and each key learns its highest step.
ALTER TABLE "run_metrics" ADD COLUMN "key_id" integer;--> statement-breakpoint
UPDATE "run_metrics" AS m SET "key_id" = k."id" FROM "run_metric_keys" AS k WHERE k."run_id" = m."run_id" AND k."key" = m."key";--> statement-breakpoint
UPDATE "run_metric_keys" AS k SET "last_step" = s."high" FROM (SELECT "key_id", max("step") AS "high" FROM "run_metrics" GROUP BY "key_id") AS s WHERE s."key_id" = k."id";--> statement-breakpoint
ALTER TABLE "run_metrics" ALTER COLUMN "key_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "run_metrics" DROP CONSTRAINT "run_metrics_run_id_runs_id_fk";--> statement-breakpoint
ALTER TABLE "run_metrics" DROP CONSTRAINT "run_metrics_run_id_key_step_pk";--> statement-breakpoint
ALTER TABLE "run_metrics" DROP COLUMN "key";--> statement-breakpoint
ALTER TABLE "run_metrics" ADD CONSTRAINT "run_metrics_run_id_key_id_step_pk" PRIMARY KEY("run_id","key_id","step");--> statement-breakpoint
-- run_metrics has no foreign key (a per-row check doubled ingestion time); a deleted run's points go with it here.
CREATE FUNCTION "delete_metrics_of_deleted_runs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "run_metrics" WHERE "run_id" IN (SELECT "id" FROM "deleted_runs");
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "runs_delete_metrics" AFTER DELETE ON "runs" REFERENCING OLD TABLE AS "deleted_runs" FOR EACH STATEMENT EXECUTE FUNCTION "delete_metrics_of_deleted_runs"();
