-- Henan's annual cross-region clearing (seed 000 三(四)): one clearing per province and cleared year, and per pooling
-- region and insurance type the money held at the province, the cleared cost, the result with its derivation and
-- the allocation it carries into (target period). The region key is on every line (DESIGN.md §9).
create table cr_annual_clearing (
    province_code      varchar(12)  not null,
    clear_year         int          not null,
    pack_id            varchar(40)  not null,
    pack_version       int          not null,
    due_date           date         not null,
    due_basis          varchar(120) not null,
    cost_source        varchar(200) not null,
    citation           varchar(200) not null,
    cleared_by         varchar(60)  not null,
    cleared_on         date         not null,
    primary key (province_code, clear_year)
);

create table cr_annual_clearing_line (
    province_code      varchar(12)  not null,
    clear_year         int          not null,
    region_code        varchar(12)  not null,
    insurance_type     varchar(10)  not null,
    funded_fen         bigint       not null,
    cleared_fen        bigint       not null,
    outcome            varchar(20)  not null,
    target_period      varchar(7)   not null,
    target_label       varchar(120) not null,
    formula            text         not null,
    inputs             text         not null,
    primary key (province_code, clear_year, region_code, insurance_type)
);
