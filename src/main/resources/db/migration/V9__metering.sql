-- Metered code-page views. A meter is a guest cookie, an IP address, an account or an API caller;
-- each period has one counter row that a conditional UPDATE (used < quota) raises atomically, so
-- nodes sharing this database never admit more than the quota.
create table meter_counter (
    meter        text        not null,
    period_start timestamptz not null,
    used         int         not null default 0,
    primary key (meter, period_start)
);

-- The distinct codes a meter has opened in a period: opening one again costs nothing.
create table meter_view (
    meter        text        not null,
    period_start timestamptz not null,
    code         text        not null,
    viewed_at    timestamptz not null default now(),
    primary key (meter, period_start, code)
);

-- Secrets generated once and shared by every node (the guest cookie's HMAC key).
create table metering_secret (
    name       text primary key,
    secret     bytea       not null,
    created_at timestamptz not null default now()
);
