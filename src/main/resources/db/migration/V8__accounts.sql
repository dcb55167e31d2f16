-- Accounts: members with their plan and roles, their single-use emailed tokens, API keys, login
-- throttling and the audit log of security events.
create table account (
    id            bigserial primary key,
    email         text        not null unique, -- stored lower-cased
    password_hash text        not null,
    display_name  text,
    plan          text        not null default 'FREE' check (plan in ('FREE', 'SUBSCRIBER')),
    plan_source   text,
    roles         text        not null default '', -- comma-separated: EMPLOYER, REVIEWER, ADMINISTRATOR
    created_at    timestamptz not null default now(),
    verified_at   timestamptz
);

-- Only the SHA-256 of a token is stored: a copy of this table does not let anyone use a link.
create table account_token (
    token_hash bytea primary key,
    account_id bigint      not null references account (id) on delete cascade,
    purpose    text        not null check (purpose in ('VERIFY', 'RESET')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index account_token_by_account on account_token (account_id);

create table api_key (
    key_hash   bytea primary key,
    account_id bigint      not null references account (id) on delete cascade,
    prefix     text        not null,
    created_at timestamptz not null default now()
);
create index api_key_by_account on api_key (account_id);

-- Failed logins per email in a window, shared by every node.
create table login_throttle (
    email        text primary key,
    failures     int         not null,
    window_start timestamptz not null
);

create table security_event (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    kind       text        not null,
    account_id bigint, -- kept (not a foreign key) after the account is deleted
    email      text,
    ip         text,
    detail     text
);
create index security_event_by_account on security_event (account_id);
create index security_event_by_time on security_event (at);
