-- "My jobs": each author's jobs newest first (ids are time-ordered), a page at a time.
create index job_by_author on job (author_id, id desc);
