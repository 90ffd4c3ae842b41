ALTER TABLE "samples" ALTER COLUMN "search_text" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "samples" ALTER COLUMN "search_text" SET DEFAULT ''::tsvector;--> statement-breakpoint
ALTER TABLE "samples" ALTER COLUMN "search_text" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "samples" ADD COLUMN "verdict" boolean;--> statement-breakpoint
-- Stored words are now cut by the application (server/datasets/search-terms.ts); samples already stored get the same
-- cut here, so one query finds old and new samples alike.
UPDATE "samples" SET "search_text" = array_to_tsvector(array(
  SELECT DISTINCT w FROM regexp_split_to_table(lower(left(coalesce("question", ''), 100000) || ' ' || left(coalesce("answer", ''), 10000)), '[^[:alnum:]]+') AS w
  WHERE w <> '' AND length(w) <= 100
));
