ALTER TABLE "samples" DROP CONSTRAINT "samples_dataset_id_datasets_id_fk";
--> statement-breakpoint
ALTER TABLE "samples" DROP CONSTRAINT "samples_source_id_dataset_sources_id_fk";
--> statement-breakpoint
-- Samples have no foreign keys (a per-row check on each of a million inserted rows); a deleted source's samples go
-- here, one statement per delete. A deleted dataset deletes its sources, so its samples go too.
CREATE FUNCTION "delete_samples_of_deleted_sources"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "samples" AS s USING "deleted_sources" AS d WHERE s."dataset_id" = d."dataset_id" AND s."source_id" = d."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "dataset_sources_delete_samples" AFTER DELETE ON "dataset_sources" REFERENCING OLD TABLE AS "deleted_sources" FOR EACH STATEMENT EXECUTE FUNCTION "delete_samples_of_deleted_sources"();
