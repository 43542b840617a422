-- The money of Henan's in-province region plans (seed 000 二(二) 轧差, 三(三), 四(三)): one row per issued plan once
-- its netted amount moved (or was found zero). A plan pays once; a reduction is a recovery from the region, never a
-- negative transfer. The region key is on every row (DESIGN.md §9).
create table prepayment_region_plan_payment (
    plan_id            varchar(80)  primary key,
    prepayment_year    int          not null,
    province_code      varchar(12)  not null,
    region_code        varchar(12)  not null,
    insurance_type     varchar(10)  not null,
    move               varchar(20)  not null,
    amount_fen         bigint       not null,
    transfer_id        varchar(100),
    state              varchar(20)  not null,
    sent_by            varchar(60)  not null,
    sent_on            date         not null,
    received_by        varchar(60),
    received_on        date
);
