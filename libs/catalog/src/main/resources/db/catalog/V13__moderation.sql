-- The misuse guard. Each artwork's moderation starts as the content policy's decision on its picture and changes only
-- by a reviewer's decision; hidden and deleted artworks leave every listing, search and "more like this", but their
-- provenance stays (its log is append-only).
alter table artwork
    add column moderation text not null default 'SHOWN'
        check (moderation in ('SHOWN', 'BLURRED', 'HIDDEN', 'DELETED'));

-- Reports by viewers and appeals by authors, open until a reviewer decides on the artwork.
create table review_request (
    id           uuid primary key,
    artwork_id   uuid        not null references artwork (id),
    kind         text        not null check (kind in ('REPORT', 'APPEAL')),
    requested_by uuid        not null,
    reason       text        not null,
    requested_at timestamptz not null,
    resolved_at  timestamptz
);
create index review_request_open on review_request (requested_at, id) where resolved_at is null;
create index review_request_by_artwork on review_request (artwork_id);

-- Every reviewer's decision, kept like provenance: rows are added, never changed.
create table moderation_decision (
    seq         bigint generated always as identity primary key,
    artwork_id  uuid        not null references artwork (id),
    moderation  text        not null check (moderation in ('SHOWN', 'BLURRED', 'HIDDEN', 'DELETED')),
    reviewer_id uuid        not null,
    note        text,
    decided_at  timestamptz not null
);
create index moderation_decision_by_artwork on moderation_decision (artwork_id, seq);
create trigger moderation_decision_is_append_only before update or delete on moderation_decision
    for each row execute function forbid_rewriting_history();
