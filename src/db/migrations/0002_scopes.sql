-- Who may write where: an editor writes figures of the regions assigned and everything below them.
CREATE TABLE user_regions (
  user_id integer NOT NULL REFERENCES users (id),
  region text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (user_id, region)
);

-- A reset password must be changed at the next login; repeated failures lock an account for a while.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;
