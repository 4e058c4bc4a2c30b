-- Webhooks: an account may name one URL that hears every change of state of its jobs. The secret signs each
-- delivery (Standard Webhooks); it is kept to sign with, and shown to the account only when it is made.
create table account_webhook (
    account_id uuid primary key references account (id),
    url        text        not null,
    secret     text        not null,
    created_at timestamptz not null
);

-- One delivery per change of state, made in the transaction that changes the job, so none is lost and none is made
-- twice; it holds the job as it then was. The sender claims due deliveries, a job's in the order of its changes
-- (sequence), and retries them until they succeed or pinxit.gateway.webhooks.give-up-after has passed since they were
-- made.
create table webhook_delivery (
    id              uuid primary key default gen_random_uuid(),
    sequence        bigint generated always as identity,
    job_id          uuid        not null,
    account_id      uuid        not null,
    url             text        not null,
    event_type      text        not null,
    job             jsonb       not null,
    created_at      timestamptz not null default now(),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    delivered_at    timestamptz,
    given_up_at     timestamptz,
    last_status     int,
    last_error      text
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at)
    where delivered_at is null and given_up_at is null;
create index webhook_delivery_by_job on webhook_delivery (job_id, sequence);

-- Every path that changes a job's state (a worker's event, a cancellation, the lease reaper) goes through this.
create function enqueue_webhook_delivery() returns trigger language plpgsql as $$
begin
    insert into gateway.webhook_delivery (job_id, account_id, url, event_type, job)
    select new.id, w.account_id, w.url, 'job.' || lower(new.state), to_jsonb(new)
    from gateway.account_webhook w
    where w.account_id = new.author_id;
    return null;
end
$$;

create trigger job_state_changed
    after update of state on job
    for each row
    when (old.state is distinct from new.state)
    execute function enqueue_webhook_delivery();
