-- Instances remember who a token or session belongs to (store/postgres/identity_cache.hpp) and
-- must forget it as soon as any instance changes what the answer is made of: a user (role,
-- organization, disabled, password), a token or session removed, an organization's sharing.
-- Each such statement notifies frontline_identity when its transaction commits. Token use
-- (api_tokens.last_used_at, written every few seconds) and new rows change no answer: no notice.
-- PostgreSQL only: SQLite is served by one process, which asks its database every time.
CREATE FUNCTION frontline_notify_identity_changes() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontline_identity', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER users_identity AFTER UPDATE OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION frontline_notify_identity_changes();
CREATE TRIGGER api_tokens_identity AFTER DELETE OR UPDATE OF user_id, token_hash ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION frontline_notify_identity_changes();
CREATE TRIGGER sessions_identity AFTER DELETE OR UPDATE OF user_id, session_hash, expires_at ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION frontline_notify_identity_changes();
CREATE TRIGGER organizations_identity AFTER UPDATE OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION frontline_notify_identity_changes();
