-- The national clearing money (guizhou-2017 附件一 三(一), 附件二; henan-2023 四(一), 一(二)(三), 四(二)(三); helper hn).
-- The national clearing detail may carry the insurance type of each visit (the henan-2023 money is per type).
alter table cr_national_clearing_row add column insutype varchar(3);

-- One line of a month's national clearing: the city (the insured city for 付款, the treatment city for 收款), the
-- other province, the insurance type ('' when the file gives none) and the sums of the imported rows; the steps'
-- dates. The line's transfer to the treatment city (收款) is in the ledger under the line id.
create table cr_national_clearing_line (
    id varchar(80) not null primary key,
    import_id bigint not null references cr_national_import (id),
    province_region varchar(6) not null,
    clearing_month varchar(7) not null,
    city_region varchar(6) not null,
    direction varchar(10) not null,
    counterpart_province varchar(6) not null,
    insurance_type varchar(3) not null,
    row_count int not null,
    medical_fee_fen bigint not null,
    fund_pay_fen bigint not null,
    derivation varchar(4000) not null,
    state varchar(20) not null,
    submitted_on date not null,
    submitted_by varchar(40) not null,
    paid_on date,
    paid_by varchar(40),
    received_on date,
    received_by varchar(40),
    created_at timestamp not null
);
create index cr_national_clearing_line_month on cr_national_clearing_line (province_region, clearing_month);
