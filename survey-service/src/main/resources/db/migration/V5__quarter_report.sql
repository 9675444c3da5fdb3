-- The written quarterly satisfaction report (4.7.1): one row per quarter, made when market first saves its
-- conclusions (until then the API offers a draft written from the figures). DRAFT while market edits it; ISSUED once
-- issued, after which nothing changes: the figures the documents show are frozen in `figures` at issue (the quarter's
-- aggregates overall and per segment, as JSON), so a late phone answer or a new minimum group size does not alter an
-- issued report.
create table survey_quarter_report (
    quarter     varchar(7)   primary key check (quarter ~ '^20[0-9]{2}-Q[1-4]$'),
    conclusions text         not null,
    status      varchar(10)  not null check (status in ('DRAFT', 'ISSUED')),
    figures     text,
    issued_by   varchar(100),
    issued_at   timestamptz,
    version     integer      not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    updated_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    check ((status = 'ISSUED') = (issued_at is not null and issued_by is not null and figures is not null))
);
