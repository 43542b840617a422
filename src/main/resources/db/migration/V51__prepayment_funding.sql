-- Seed 002 art. 6(三)(四) funding chain: the ledger transfer that carried a row's money at the FUNDED (city finance →
-- city centre) and COUNTY_SHARED (city centre → county centre) steps — one transfer per receiving agency and fund,
-- aggregating the rows ready at that moment — and the day the receiving agency confirmed the money arrived.
alter table prepayment_step add column transfer_id varchar(100);
alter table prepayment_step add column received_on date;
create index prepayment_step_transfer on prepayment_step (transfer_id);
