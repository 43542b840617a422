-- Registry (DESIGN.md §2): pooling regions, organisations, hospital profiles, accounts, insurance types.
-- Rows come from the versioned CSV files under registry/ (loaded by the Java migration V3 and refreshed at start
-- when the files carry a newer data version); source = 'DATA' for those rows, 'API' once edited through the API.

create table registry_region (
    code        varchar(6)   primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null,
    parent_code varchar(6)   references registry_region (code),
    note        varchar(200),
    source      varchar(4)   not null,
    constraint registry_region_level check (level in ('PROVINCE', 'CITY', 'COUNTY'))
);
create index registry_region_parent on registry_region (parent_code);

create table registry_insurance_type (
    code       varchar(3)   primary key,
    name       varchar(100) not null,
    short_name varchar(20)  not null,
    note       varchar(200)
);

create table registry_org (
    code         varchar(40)  primary key,
    name         varchar(200) not null,
    kind         varchar(20)  not null,
    region_code  varchar(6)   not null references registry_region (code),
    grade        integer,
    designated   boolean      not null,
    city_managed boolean      not null,
    demo         boolean      not null,
    source       varchar(4)   not null,
    updated_at   timestamp    not null,
    constraint registry_org_grade check (grade is null or grade between 1 and 3)
);
create index registry_org_region_kind on registry_org (region_code, kind);

create table registry_hospital_profile (
    org_code               varchar(40)  primary key references registry_org (code),
    category               varchar(40),
    medical_community      boolean      not null,
    medical_community_name varchar(200)
);

create table registry_account (
    id             varchar(80)  primary key,
    org_code       varchar(40)  not null references registry_org (code),
    kind           varchar(20)  not null,
    insurance_type varchar(3)   references registry_insurance_type (code),
    parent_id      varchar(80)  references registry_account (id),
    bank_name      varchar(200) not null,
    account_no     varchar(40)  not null,
    account_name   varchar(200) not null,
    source         varchar(4)   not null
);
create index registry_account_org on registry_account (org_code);

create table registry_data_version (
    data_set  varchar(40) primary key,
    version   varchar(40) not null,
    loaded_at timestamp   not null
);
