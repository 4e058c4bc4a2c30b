-- A reproduction job makes no artworks; its outcome is whether the recorded job gave the same pixels again.
alter table job add column reproduction jsonb;

create index job_by_artwork on job using gin (artwork_ids);
