-- Every commit that changes the knowledge base notifies channel `sitrep_changes`, whoever wrote it
-- (an API process, `sitrep ingest`, psql): each API process LISTENs, and on a notification reads
-- what is new, as SQLite's server does when `data_version` moves. PostgreSQL sends a transaction's
-- notifications at commit, none for one rolled back, and identical ones once: one per commit.
-- drizzle-kit cannot express functions or triggers, so this is a "custom" migration (generate --custom).
CREATE FUNCTION sitrep_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sitrep_changes', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER entities_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entities
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER aliases_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON aliases
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER articles_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER mentions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentions
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER claims_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER claim_about_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claim_about
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER statements_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statements
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER statement_about_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statement_about
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER statement_conflicts_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statement_conflicts
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
--> statement-breakpoint
CREATE TRIGGER source_reliability_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source_reliability
  FOR EACH STATEMENT EXECUTE FUNCTION sitrep_notify_change();
