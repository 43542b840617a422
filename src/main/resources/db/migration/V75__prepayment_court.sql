-- Seed 002 art. 11 in its own order: the agency decides that a prepayment cannot be recovered (from that day it stops
-- paying the hospital's settlements), applies to the court for enforcement (date, court, case number), records the
-- court's document that fixes the loss, and writes the loss off after the government's approval. The stop is derived
-- from the recovery's status and decision date, so two unrecoverable funds of one hospital each keep it stopped.
alter table prepayment_recovery add column unrecoverable_on date;
alter table prepayment_recovery add column unrecoverable_reason text;
alter table prepayment_recovery add column decided_by varchar(60);
alter table prepayment_recovery add column court_applied_on date;
alter table prepayment_recovery add column court_name varchar(200);
alter table prepayment_recovery add column court_case_no varchar(100);
alter table prepayment_recovery add column court_document_on date;
alter table prepayment_recovery add column loss_fen bigint;

-- Before V75 a recovery was declared unrecoverable with its court document in one step: keep it as a decision taken
-- on the stop date whose court document (and loss: what was still owed) is recorded; the court application is unknown.
update prepayment_recovery set
    unrecoverable_on = (select s.stopped_on from prepayment_stop s where s.recovery_id = prepayment_recovery.id),
    unrecoverable_reason = court_document,
    court_document_on = (select s.stopped_on from prepayment_stop s where s.recovery_id = prepayment_recovery.id),
    loss_fen = amount_fen - recovered_fen,
    status = 'LOSS_CONFIRMED'
where status = 'UNRECOVERABLE';
update prepayment_recovery set unrecoverable_reason = court_document where status = 'WRITTEN_OFF';
update prepayment_recovery set unrecoverable_on = closed_on, court_document_on = closed_on
where status = 'WRITTEN_OFF' and unrecoverable_on is null;
update prepayment_recovery set loss_fen = amount_fen - recovered_fen where status = 'WRITTEN_OFF';
drop table prepayment_stop;
