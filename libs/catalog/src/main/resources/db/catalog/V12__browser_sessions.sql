-- The gallery's sign-in sessions. The browser's cookie holds an opaque id that is stored nowhere: a row is found by a
-- hash derived from it, and the API key the browser acts with is sealed (AES-GCM) under another key derived from it,
-- so neither a copy of this table nor the cookie alone gives anyone the API key. A session ends when it is idle too
-- long (seen_at), at its absolute expiry, on sign-out, or when its key stops working at the gateway.
create table browser_session (
    lookup_hash bytea primary key,
    sealed_key bytea not null,
    opened_at timestamptz not null default now(),
    seen_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index browser_session_expiry on browser_session (expires_at);
