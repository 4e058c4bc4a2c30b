-- The lane a job waits in (JobLane): small generation jobs go to the interactive lane's topic. Jobs from before lanes
-- were all in the one queue there was, now the bulk lane.
alter table job add column lane text not null default 'BULK';
