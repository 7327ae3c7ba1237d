-- Hand-written: the audit log is append-only for the application. writer (app-user) keeps INSERT and
-- SELECT on audit_logs (from the default privileges); changing or removing rows is refused. Rows
-- edited behind the app's back (as schema owner or superuser) are caught by GET /audit-logs/verify.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_logs FROM writer;
