-- Issuing keys takes a scope of its own, keys:manage. Until now any key could issue keys: the keys that could also
-- submit jobs (the full keys people hold) keep that power; read-only keys lose it.
update api_key set scopes = array_append(scopes, 'keys:manage')
where 'jobs:submit' = any (scopes) and not 'keys:manage' = any (scopes);

-- A key may expire; from then on it authenticates nothing, as if it were revoked.
alter table api_key add column expires_at timestamptz;
