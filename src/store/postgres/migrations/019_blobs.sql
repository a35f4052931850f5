-- Attachment bytes on PostgreSQL, content-addressed (store/postgres/blob_store.cpp): instances
-- behind a load balancer share them through the database and keep nothing on local disk.
-- PostgreSQL only: SQLite keeps them as files in its data folder (store/file_blob_store.hpp).
-- Never updated; a blob is written once, before the row that names it commits.
CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY,
  bytes      BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
-- The bytes are already compressed or not worth compressing often enough (images, archives,
-- PDFs) that TOAST's attempt costs more than it saves.
ALTER TABLE blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;
