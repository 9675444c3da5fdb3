-- The market department's usual view: one province, sorted by name, paged.
create index client_province_name on client (province_code, name, id);
