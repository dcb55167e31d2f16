-- Medicare NCCI procedure-to-procedure (PTP) edits, one row per row of the CMS table (deleted edits
-- included), keyed by release: data sets ncci-ptp-practitioner and ncci-ptp-hospital in
-- code_release. About 2.5 million rows a practitioner release, 1.8 million a hospital one, so the
-- rows are narrow: the rationale (a dozen texts) is a number into ncci_ptp_rationale, and the file
-- a part number (0 for a single file, 1-4 for the official parts f1..f4, as release_file roles).
--
-- Partitioned by release: an import creates ncci_ptp_edit_<release id>, fills it with COPY while it
-- has no index, then attaches it, which builds its pair index in one sort (twice as fast as a
-- 2.5-million-row index kept up to date row by row). A failed import drops its partition. No
-- foreign key to code_release: its check would run once per row; code_release rows are never
-- deleted.
create table ncci_ptp_edit (
    release_id  bigint   not null,
    column1     text     not null collate "C",
    column2     text     not null collate "C",
    -- null when the source lacks the Effective Date column (the derived 2024 tables)
    effective   date,
    -- the last day the edit applies; null for "*", no deletion
    deleted     date,
    -- the "*=in existence prior to 1996" column; null when the source lacks it
    before_1996 boolean,
    -- 0 = modifier not allowed, 1 = allowed, 9 = not applicable (deleted on its effective date)
    modifier    smallint not null check (modifier in (0, 1, 9)),
    rationale   smallint not null,
    part        smallint not null,
    -- the text line of the row in its file, 1-based
    line        integer  not null
) partition by list (release_id);

-- A pair can have several rows (one per period it was in force), so this is not unique. Each
-- partition gets its own copy when it is attached; a query names the release, which picks the
-- partition, so the index leaves release_id out.
create index ncci_ptp_edit_pair on ncci_ptp_edit (column1, column2);

create table ncci_ptp_rationale (
    release_id   bigint   not null references code_release (id) on delete cascade,
    rationale_id smallint not null,
    -- as the CMS file writes it, e.g. "Misuse of Column Two code with Column One code"
    rationale    text     not null,
    primary key (release_id, rationale_id)
);
