-- Dead letters an operator replayed, so that replaying one again re-issues nothing.
create table dead_letter_replay (
    topic         text        not null,
    topic_partition integer   not null,
    record_offset bigint      not null,
    job_id        uuid        not null references job (id),
    replayed_at   timestamptz not null,
    primary key (topic, topic_partition, record_offset)
);
