-- Payment lines held because a capability stopped the hospital's payments (PaymentHolds SPI, e.g. seed 002 art. 11):
-- hold_status HELD (not paid, not in the bank file) or RELEASED (paid on released_on once the stop was lifted).
alter table stl_payment_line add column hold_status varchar(10);
alter table stl_payment_line add column hold_reason varchar(400);
alter table stl_payment_line add column released_on date;
