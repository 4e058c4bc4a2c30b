-- Every artwork records its human author, the licence they gave it and who may see it.
alter table artwork
    add column author_id   uuid,
    add column author_name text,
    add column title       text,
    add column description text,
    add column licence     text not null default 'LicenseRef-All-Rights-Reserved',
    add column visibility  text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'UNLISTED', 'PRIVATE'));

create index artwork_by_author on artwork (author_id, id desc);
