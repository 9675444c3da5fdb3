-- Attachments on items (#19: the intake names them): the bytes in document_file through the platform's
-- storage.PostgresDocumentStore (platform code, this service's table, the same shape as application-contract-service's),
-- one feedback_attachment row per file with what a download needs. A file is never changed or removed: a wrong one
-- stays in the item's record, as the item's history does.
create table document_file (
    id         text primary key,
    content    bytea       not null,
    size_bytes bigint      not null,
    sha256     text        not null,
    created_at timestamptz not null default now()
);
-- Kept uncompressed out of line: a download reads 1 MiB slices with substring() without inflating the whole file.
alter table document_file alter column content set storage external;

create sequence feedback_attachment_seq increment by 50;
create table feedback_attachment (
    id          bigint primary key,
    item_id     bigint      not null references feedback_item (id),
    file_key    text        not null unique references document_file (id),
    file_name   text        not null check (char_length(file_name) between 1 and 200),
    media_type  text        not null,
    size_bytes  bigint      not null check (size_bytes > 0),
    sha256      text        not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null
);
-- An item's attachments in upload order (the list, the count per item).
create index feedback_attachment_item on feedback_attachment (item_id, id);
