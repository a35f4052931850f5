-- The sign-in throttle's counts (app/login_throttle.hpp), in the database so that every
-- instance sharing it counts the same failures. key: "pair:ACCOUNT\nADDRESS", "address:ADDRESS"
-- or "account:ACCOUNT". Rows whose window has passed are pruned as failures arrive.
CREATE TABLE login_throttle (
  key       TEXT PRIMARY KEY,
  failures  BIGINT NOT NULL,
  first_at  BIGINT NOT NULL,
  last_at   BIGINT NOT NULL,
  next_slot BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX login_throttle_by_last ON login_throttle(last_at);
