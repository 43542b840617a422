-- Hospital prepayments (org.medfund.prepayment): service agreements, fund status for the Xinyang gate,
-- applications with findings, the register (one row per hospital, fund and year), its movements, recoveries
-- and the workflow steps. Money is bigint fen. Only the general category (seed 002 art. 8) lives here.

-- 服务协议: no prepayment without one that records prepayment terms (seed 000 二(二), seed 002 art. 18).
create table prepayment_agreement (
    hospital_code      varchar(40)  not null,
    agreement_no       varchar(60)  not null,
    valid_from         date         not null,
    valid_until        date,
    prepayment_terms   text         not null,
    -- 县域紧密型医共体: its own configurable factor instead of the pack's (seed 000 二(二) "按有关规定执行").
    medical_community  boolean      not null,
    community_factor   numeric(8,4),
    recorded_by        varchar(60)  not null,
    recorded_at        timestamp    not null,
    primary key (hospital_code, agreement_no)
);

-- Art. 7 inputs per pooling region, fund and prepayment year: the accumulated balance at the end of last year,
-- last year's 12 actual months and the 12 months of the rolling forecast.
create table prepayment_fund_status (
    region_code          varchar(12)  not null,
    insurance_type       varchar(10)  not null,
    prepayment_year      int          not null,
    balance_fen          bigint       not null,
    recorded_by          varchar(60)  not null,
    recorded_at          timestamp    not null,
    primary key (region_code, insurance_type, prepayment_year)
);

create table prepayment_fund_month (
    region_code      varchar(12)  not null,
    insurance_type   varchar(10)  not null,
    prepayment_year  int          not null,
    kind             varchar(10)  not null, -- ACTUAL (last year) or FORECAST (rolling 12 months)
    fund_month       varchar(7)   not null,
    income_fen       bigint       not null,
    expenditure_fen  bigint       not null,
    primary key (region_code, insurance_type, prepayment_year, kind, fund_month)
);

-- Xinyang application (seed 002 annex: six information items and four commitments, art. 6(一) by Jan 15).
create table prepayment_application (
    id                     varchar(80)  primary key,
    prepayment_year        int          not null,
    hospital_code          varchar(40)  not null,
    pack_id                varchar(40)  not null,
    submitted_on           date         not null,
    due_on                 date         not null,
    basic_info             text         not null,
    agreement_performance  text         not null,
    finances               text         not null,
    key_tasks              text         not null,
    supervision            text         not null,
    penalties_12_months    text         not null,
    commitments            varchar(200) not null,
    status                 varchar(20)  not null, -- SUBMITTED, ELIGIBLE, REFUSED
    refusals               text,
    submitted_by           varchar(60)  not null,
    reviewed_by            varchar(60),
    reviewed_on            date,
    unique (prepayment_year, hospital_code)
);

-- Art. 3: each condition with its evidence and the reviewer's decision.
create table prepayment_finding (
    application_id  varchar(80)   not null,
    condition_code  varchar(40)   not null,
    met             boolean       not null,
    evidence        text          not null,
    reviewer        varchar(60)   not null,
    primary key (application_id, condition_code)
);

-- The register: one row per hospital, fund and prepayment year.
create table prepayment (
    id                    varchar(80)  primary key,
    prepayment_year       int          not null,
    hospital_code         varchar(40)  not null,
    insurance_type        varchar(10)  not null,
    region_code           varchar(12)  not null,
    payer_org_code        varchar(40)  not null,
    pack_id               varchar(40)  not null,
    pack_version          int          not null,
    category              varchar(20)  not null,
    application_id        varchar(80),
    sized_fen             bigint       not null,
    outstanding_before_fen bigint      not null,
    to_pay_fen            bigint       not null,
    to_recover_fen        bigint       not null,
    formula               text         not null,
    citation              varchar(200) not null,
    inputs                text         not null,
    gate_reasons          text,
    status                varchar(20)  not null,
    due_on                date         not null,
    prepared_by           varchar(60)  not null,
    approved_by           varchar(60),
    approved_on           date,
    clearing_method       varchar(10),
    cleared_on            date,
    created_at            timestamp    not null,
    unique (prepayment_year, hospital_code, insurance_type, category)
);
create index prepayment_hospital on prepayment (hospital_code, insurance_type);

-- Money that moved, each posted through the ledger: DISBURSED, RECOVERED_OFFSET, RECOVERED_RETURN, WRITTEN_OFF.
create table prepayment_movement (
    request_id      varchar(100) primary key,
    prepayment_id   varchar(80)  not null,
    recovery_id     varchar(80),
    kind            varchar(20)  not null,
    amount_fen      bigint       not null,
    movement_date   date         not null,
    hospital_code   varchar(40)  not null,
    insurance_type  varchar(10)  not null,
    payer_org_code  varchar(40)  not null,
    created_at      timestamp    not null
);
create index prepayment_movement_hospital on prepayment_movement (hospital_code, insurance_type);

-- What a hospital owes back: netting excess (Henan), year-end clearing (Xinyang art. 6(五), all or nothing),
-- a recovery trigger (art. 10). Offsets start on offset_from; art. 11 unrecoverable → stopped, then written off.
create table prepayment_recovery (
    id               varchar(80)  primary key,
    prepayment_id    varchar(80)  not null,
    hospital_code    varchar(40)  not null,
    insurance_type   varchar(10)  not null,
    payer_org_code   varchar(40)  not null,
    reason           varchar(20)  not null, -- NETTING, CLEARING, TRIGGER
    trigger_code     varchar(40),
    evidence         text,
    amount_fen       bigint       not null,
    recovered_fen    bigint       not null,
    all_or_nothing   boolean      not null,
    found_on         date         not null,
    return_due       date         not null,
    offset_from      date,
    status           varchar(20)  not null, -- OPEN, RECOVERED, UNRECOVERABLE, WRITTEN_OFF
    court_document   text,
    prepared_by      varchar(60)  not null,
    approved_by      varchar(60),
    approval_document text,
    closed_on        date
);
create index prepayment_recovery_hospital on prepayment_recovery (hospital_code, insurance_type, status);

-- Art. 6 workflow: each step with its actor, due date and completion; overdue is derived.
create table prepayment_step (
    prepayment_id  varchar(80)  not null,
    step           varchar(30)  not null,
    seq            int          not null,
    actor_org_code varchar(40)  not null,
    due_on         date,
    done_on        date,
    done_by        varchar(60),
    primary key (prepayment_id, step)
);

-- Art. 11: payments to a hospital stopped while a prepayment is unrecoverable.
create table prepayment_stop (
    hospital_code   varchar(40)  primary key,
    recovery_id     varchar(80)  not null,
    stopped_on      date         not null
);
