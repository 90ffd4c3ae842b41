-- Content hashes keep their first 128 bits (32 hex digits read as a uuid); the unique index is rebuilt with them.
ALTER TABLE "samples" ALTER COLUMN "content_hash" SET DATA TYPE uuid USING substr("content_hash", 1, 32)::uuid;
