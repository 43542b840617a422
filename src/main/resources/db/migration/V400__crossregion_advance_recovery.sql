-- henan-2023 三(三): a hospital's advance (a negative month's plan paid ahead by the region's fund) comes back in parts,
-- oldest advance first: offset against a later month's positive plan of the same hospital and insurance type, or
-- returned by the hospital into the region's special account. One row per part; the advance is recovered when the
-- parts add up to it (cr_mc_hospital.recovered_on then records the day). Carries the region key (DESIGN.md §9).
create table cr_mc_advance_recovery (
    province_code      varchar(12)  not null,
    region_code        varchar(12)  not null,
    hospital_code      varchar(30)  not null,
    insurance_type     varchar(6)   not null,
    advance_period     varchar(7)   not null,
    kind               varchar(20)  not null,
    -- the month whose positive plan absorbed the part (OFFSET), or the advance's own month (RETURN)
    offset_period      varchar(7)   not null,
    amount_fen         bigint       not null,
    recovered_on       date         not null,
    recovered_by       varchar(60)  not null,
    request_id         varchar(120) not null,
    primary key (province_code, region_code, hospital_code, insurance_type, advance_period, kind, offset_period)
);
create index cr_mc_advance_recovery_offset on cr_mc_advance_recovery (province_code, offset_period);

-- An advance recovered before offsets existed was returned in full by the hospital.
insert into cr_mc_advance_recovery (province_code, region_code, hospital_code, insurance_type, advance_period, kind,
    offset_period, amount_fen, recovered_on, recovered_by, request_id)
select province_code, region_code, hospital_code, insurance_type, period, 'RETURN', period, -amount_fen,
    recovered_on, recovered_by, 'cr-mc-recovered-' || period || '-' || hospital_code || '-' || insurance_type
from cr_mc_hospital where state = 'RECOVERED';
create index cr_mc_hospital_state on cr_mc_hospital (province_code, state);
