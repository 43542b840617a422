-- The basis each stored due date was computed from (org.medfund.calendar.Due: "rule:<rule>@<period>" or
-- "after:<start>+<working days>"), so that loading a year's holiday notice recomputes the open ones that were
-- computed on the provisional year. Null for rows written before this column existed (all on noticed years).
alter table prepayment add column due_basis varchar(120);
alter table prepayment_application add column due_basis varchar(120);
alter table prepayment_step add column due_basis varchar(120);
alter table prepayment_recovery add column return_due_basis varchar(120);
alter table stl_payment_batch add column due_basis varchar(120);
