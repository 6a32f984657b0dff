-- The shared record: the data package's four tables, report texts, batches, accounts and an append-only history.
-- `seq` keeps each catalogue table in the order it was loaded, so an export writes the files as they came.

CREATE TABLE regions (
  code text PRIMARY KEY,
  seq bigserial NOT NULL,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'county', 'zone', 'town', 'village')),
  parent text REFERENCES regions (code),
  aliases text NOT NULL DEFAULT ''
);

CREATE TABLE metrics (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  name text NOT NULL,
  name_en text NOT NULL,
  unit text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('count', 'rate')),
  temporal text NOT NULL CHECK (temporal IN ('stock', 'flow', 'cumulative')),
  aggregate text NOT NULL,
  category text NOT NULL,
  definition text NOT NULL DEFAULT '',
  aliases text NOT NULL DEFAULT '',
  target double precision
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE batches (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('seed', 'import', 'report', 'restore')),
  name text NOT NULL,
  file_name text NOT NULL DEFAULT '',
  sha256 text NOT NULL DEFAULT '',
  row_count integer NOT NULL,
  created_by integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sources (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  title text NOT NULL,
  publication text NOT NULL DEFAULT '',
  date text NOT NULL,
  author text NOT NULL DEFAULT '',
  file text NOT NULL DEFAULT '',
  url text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  batch_id text REFERENCES batches (id)
);

-- A source's report text, with the file it came from and that file's SHA-256.
CREATE TABLE reports (
  source_id text PRIMARY KEY REFERENCES sources (id),
  text text NOT NULL,
  file_name text NOT NULL DEFAULT '',
  sha256 text NOT NULL
);

CREATE TABLE observations (
  id bigserial PRIMARY KEY,
  metric text NOT NULL REFERENCES metrics (id),
  region text NOT NULL REFERENCES regions (code),
  period text NOT NULL,
  value double precision NOT NULL,
  qualifier text NOT NULL CHECK (qualifier IN ('=', '>=', '~', '<=')),
  source text NOT NULL REFERENCES sources (id),
  quote text NOT NULL DEFAULT '',
  -- Where the quote stands in its report (UTF-16 offsets, as the app counts), null when no text is shipped.
  quote_start integer,
  quote_end integer,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  -- Raised by every change: a writer names the version it saw, and a stale one is refused.
  version integer NOT NULL DEFAULT 1,
  batch_id text REFERENCES batches (id),
  created_by integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX observations_series ON observations (metric, region, period) WHERE status = 'active';
CREATE UNIQUE INDEX observations_key ON observations (metric, region, period, source) WHERE status = 'active';
CREATE INDEX observations_batch ON observations (batch_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  revoked_at timestamptz
);

-- Append-only: who did what, when, to which row, its value before and after, and why.
CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users (id),
  username text NOT NULL DEFAULT '',
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL DEFAULT '',
  before jsonb,
  after jsonb,
  batch_id text REFERENCES batches (id),
  reason text NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit (entity, entity_id);

-- Small facts of the record: its revision (raised by every write), the one-time setup token's hash.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit table is append-only';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
