-- Numbers without gaps (application references, 合同编号 contract numbers): one counter row per series and period
-- (the year when the pattern has a year token, '*' when it never restarts). NumberCounters raises it with
-- insert … on conflict … do update … returning inside the transaction that creates the record, so the row stays
-- locked until that transaction ends and a rolled-back creation gives its number back.
create table number_counter (
    series      text   not null,
    period      text   not null,
    last_issued bigint not null check (last_issued > 0),
    primary key (series, period)
);
