-- Code-set releases and what they hold. PostgreSQL is the system of record; each app node loads
-- the active releases into memory and answers lookups from there.

create table code_release (
    id             bigserial primary key,
    -- icd10cm, icd10pcs, hcpcs, pfs-rvu, cpt-descriptors, ncci-mue, ncci-aoc
    dataset        text        not null,
    -- FY2026, 2025-10, RVU26C, 2026Q2 ...
    version        text        not null,
    title          text        not null,
    effective_from date        not null,
    -- the last day of the release's nominal period; null while it has no fixed end
    effective_to   date,
    state          text        not null check (state in ('importing', 'active', 'failed', 'retired')),
    -- sha256 over the role and sha256 of every present source file: the same files give the
    -- same fingerprint, so importing them again changes nothing
    fingerprint    text        not null,
    counts         jsonb       not null default '{}',
    -- expected files that were not found: [{"role":..,"file":..,"reason":..}]
    missing        jsonb       not null default '[]',
    failure        text,
    started_at     timestamptz not null default now(),
    finished_at    timestamptz,
    activated_at   timestamptz
);

-- At most one active copy of a release; several versions of one data set stay active together
-- (FY2021 and FY2026 ICD-10-CM) and a date of service picks among them.
create unique index code_release_one_active on code_release (dataset, version) where state = 'active';

create table release_file (
    release_id   bigint  not null references code_release (id) on delete cascade,
    role         text    not null,
    file_name    text    not null,
    member       text,
    official_url text    not null,
    sha256       text,
    bytes        bigint,
    present      boolean not null,
    note         text,
    primary key (release_id, role)
);

create table code_entry (
    release_id  bigint  not null references code_release (id) on delete cascade,
    -- as printed in the official file without its dot (E119, 0016070, A4253, 99213, 25)
    code        text    not null,
    -- header, code, modifier
    kind        text    not null,
    billable    boolean not null,
    title       text    not null,
    short_title text,
    parent      text,
    ordinal     integer not null,
    detail      jsonb,
    primary key (release_id, code)
);

-- Index terms that lead to codes: ICD-10-CM Alphabetic and External Cause indexes, Table of
-- Drugs and Neoplasm Table rows, ICD-10-PCS index.
create table index_entry (
    release_id bigint  not null references code_release (id) on delete cascade,
    source     text    not null,
    ordinal    integer not null,
    path       text[]  not null,
    code       text,
    detail     jsonb,
    primary key (release_id, source, ordinal)
);
create index index_entry_code on index_entry (release_id, code);

-- Other release content addressed by a key: ICD-10-CM chapters and sections, PCS definitions,
-- MUE and add-on edit rows per code.
create table release_document (
    release_id bigint not null references code_release (id) on delete cascade,
    kind       text   not null,
    key        text   not null,
    doc        jsonb  not null,
    primary key (release_id, kind, key)
);

-- One row per start-up import: progress is visible on every node, not held in one node's memory.
create table import_run (
    id          bigserial primary key,
    node        text        not null,
    state       text        not null check (state in ('running', 'finished', 'failed')),
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    step        text,
    done_steps  integer     not null default 0,
    total_steps integer     not null default 0,
    log         text        not null default ''
);
