-- Written plain-language ("common language") descriptions: editorial content, not official data,
-- with its author and review status. Only reviewed descriptions are shown on code pages.
create table plain_language_description (
    id            bigserial primary key,
    code_system   text        not null,
    code          text        not null,
    text          text        not null,
    author        text        not null,
    review_status text        not null check (review_status in ('draft', 'reviewed', 'rejected')),
    reviewed_by   text,
    created_at    timestamptz not null default now(),
    reviewed_at   timestamptz
);
create index plain_language_by_code on plain_language_description (code_system, code);
