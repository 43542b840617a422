-- Henan's monthly cross-region clearing, the money side (henan-2023 三(二)(三), 四(二)(三)): the month's clearing rows
-- (one settled visit's pooled-fund pay, imported from the 异地就医管理子系统), each region's confirmation of its data,
-- the plan computed from the rows by GROUP BY (per hospital, per region, per insured × treatment region), the
-- transfers of the 23rd and the 26th, the hospitals' payments, the advance of a negative hospital plan and its
-- recovery, and the regions' acknowledgement of their 收付款通知书. Every table carries the region key (DESIGN.md §9).
create table cr_mc_row (
    province_code      varchar(12)  not null,
    period             varchar(7)   not null,
    setl_id            varchar(40)  not null,
    hospital_code      varchar(30)  not null,
    insured_region     varchar(12)  not null,
    treatment_region   varchar(12)  not null,
    insurance_type     varchar(6)   not null,
    settled_on         date         not null,
    fund_fen           bigint       not null,
    primary key (hospital_code, setl_id)
);
create index cr_mc_row_period on cr_mc_row (province_code, period);

create table cr_mc_confirmation (
    region_code        varchar(12)  not null,
    period             varchar(7)   not null,
    due_date           date         not null,
    confirmed_by       varchar(60)  not null,
    confirmed_on       date         not null,
    rows_count         bigint       not null,
    treated_here_fen   bigint       not null,
    insured_elsewhere_fen bigint    not null,
    primary key (region_code, period)
);

create table cr_mc_plan (
    province_code      varchar(12)  not null,
    period             varchar(7)   not null,
    pack_id            varchar(40)  not null,
    pack_version       int          not null,
    state              varchar(20)  not null,
    generated_by       varchar(60)  not null,
    generated_on       date         not null,
    submitted_on       date,
    funded_on          date,
    disbursed_on       date,
    primary key (province_code, period)
);

create table cr_mc_region (
    province_code      varchar(12)  not null,
    period             varchar(7)   not null,
    region_code        varchar(12)  not null,
    insurance_type     varchar(6)   not null,
    receive_fen        bigint       not null,
    owe_fen            bigint       not null,
    hospitals_count    bigint       not null,
    rows_count         bigint       not null,
    funding_transfer   varchar(80),
    funded_on          date,
    funding_received_on date,
    disbursement_transfer varchar(80),
    disbursed_on       date,
    disbursement_received_on date,
    hospitals_paid_on  date,
    primary key (province_code, period, region_code, insurance_type)
);

create table cr_mc_pair (
    province_code      varchar(12)  not null,
    period             varchar(7)   not null,
    insured_region     varchar(12)  not null,
    treatment_region   varchar(12)  not null,
    insurance_type     varchar(6)   not null,
    amount_fen         bigint       not null,
    rows_count         bigint       not null,
    primary key (province_code, period, insured_region, treatment_region, insurance_type)
);

create table cr_mc_hospital (
    province_code      varchar(12)  not null,
    period             varchar(7)   not null,
    region_code        varchar(12)  not null,
    hospital_code      varchar(30)  not null,
    insurance_type     varchar(6)   not null,
    amount_fen         bigint       not null,
    rows_count         bigint       not null,
    state              varchar(20)  not null,
    paid_on            date,
    recovered_on       date,
    recovered_by       varchar(60),
    primary key (province_code, period, region_code, hospital_code, insurance_type)
);

create table cr_mc_notice (
    region_code        varchar(12)  not null,
    period             varchar(7)   not null,
    confirmed_by       varchar(60)  not null,
    confirmed_on       date         not null,
    primary key (region_code, period)
);
