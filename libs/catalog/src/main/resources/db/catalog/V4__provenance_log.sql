-- Provenance is append-only and hash-chained: each log entry commits to its record and to the entry before it,
-- so a silent edit of history breaks the chain where it happened (see ProvenanceLog.verify).
create table provenance_log (
    seq            bigint primary key,
    artwork_id     uuid        not null unique references artwork (id),
    record_sha256  text        not null,
    previous_hash  text        not null,
    entry_hash     text        not null,
    appended_at    timestamptz not null
);

create function forbid_rewriting_history() returns trigger language plpgsql as $$
begin
    raise exception 'provenance is append-only: % on % is not allowed', tg_op, tg_table_name;
end;
$$;

create trigger provenance_record_is_append_only before update or delete on provenance_record
    for each row execute function forbid_rewriting_history();
create trigger provenance_log_is_append_only before update or delete on provenance_log
    for each row execute function forbid_rewriting_history();
