-- A CRM-shaped source for bench/copy-benchmark.sh --text-keys: three tables whose primary keys are
-- text in no particular order (hex digests, as exported CRM ids often are), ~13 rows per
-- organization (psql variable :orgs), foreign keys between them and a few secondary indexes.
CREATE TABLE account (
  id text PRIMARY KEY, name text NOT NULL, industry text, country char(2), created_at timestamptz NOT NULL,
  annual_revenue numeric(14, 2));
CREATE TABLE contact (
  id text PRIMARY KEY, account_id text NOT NULL REFERENCES account (id), first_name text NOT NULL, last_name text NOT NULL,
  email text, phone text, created_at timestamptz NOT NULL);
CREATE TABLE activity (
  id text PRIMARY KEY, contact_id text NOT NULL REFERENCES contact (id), kind text NOT NULL, subject text NOT NULL,
  notes text, due date, done boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL);
CREATE INDEX contact_account ON contact (account_id);
CREATE INDEX contact_email ON contact (lower(email));
CREATE INDEX activity_contact ON activity (contact_id);
CREATE INDEX activity_due ON activity (due) WHERE NOT done;

INSERT INTO account
SELECT 'acc_' || md5('a' || n), 'Account ' || n, (ARRAY['retail', 'software', 'health', 'energy'])[1 + n % 4],
       (ARRAY['US', 'DE', 'JP', 'BR', 'FR'])[1 + n % 5], timestamptz '2020-01-01' + n * interval '17 seconds',
       (n % 100000) * 1000.25
FROM generate_series(1, :orgs) n;
INSERT INTO contact
SELECT 'con_' || md5('c' || n), 'acc_' || md5('a' || (1 + n % :orgs)), 'First' || n % 997, 'Last' || n % 1009,
       'person' || n || '@example.com', '+1 555 ' || lpad((n % 10000)::text, 4, '0'), timestamptz '2020-01-01' + n * interval '7 seconds'
FROM generate_series(1, 4 * :orgs) n;
INSERT INTO activity
SELECT 'act_' || md5('t' || n), 'con_' || md5('c' || (1 + n % (4 * :orgs))), (ARRAY['call', 'email', 'meeting'])[1 + n % 3],
       'Follow-up about order ' || n, repeat('note ', n % 20), date '2024-01-01' + n % 700, n % 3 = 0,
       timestamptz '2020-01-01' + n * interval '3 seconds'
FROM generate_series(1, 8 * :orgs) n;
