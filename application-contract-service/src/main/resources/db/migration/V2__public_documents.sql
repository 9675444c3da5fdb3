-- Public documents (公开文件, clause 4.1.1): each document keeps every version; its current one is served.
create sequence document_seq increment by 50;
create table document (
    id                 bigint primary key,
    kind               text    not null,
    title_zh           text    not null,
    title_en           text,
    published          boolean not null default false,
    current_version_no integer,
    version            integer not null default 0,
    created_by         text,
    created_at         timestamptz,
    updated_by         text,
    updated_at         timestamptz
);
create index document_kind_published on document (kind, published);

-- The files themselves, apart from what describes them: DocumentStore's table (an object store may replace it).
-- Stored as they came (PDF and DOCX are compressed already), so a download reads them in slices without
-- decompressing the whole value.
create table document_file (
    id         text primary key,
    content    bytea       not null,
    size_bytes bigint      not null,
    sha256     text        not null,
    created_at timestamptz not null default now()
);
alter table document_file alter column content set storage external;

create sequence document_version_seq increment by 50;
create table document_version (
    id           bigint primary key,
    document_id  bigint      not null references document (id),
    number       integer     not null,
    label        text        not null,
    effective_on date        not null,
    change_note  text,
    file_key     text        not null references document_file (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null,
    constraint document_version_number unique (document_id, number)
);
