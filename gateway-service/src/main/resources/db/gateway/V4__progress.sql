-- How far a running job is, as its worker last reported (iterations, a small preview); kept after the job ends.
alter table job add column progress jsonb;
