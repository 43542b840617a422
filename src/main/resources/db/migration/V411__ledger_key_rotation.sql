-- Ledger key rotation (`ledger rotate-key`, docs/reliability.md "The key and what to back up"). Builds on V20 and V85
-- (ledger_book), hence a number above theirs and above V410.

-- The public id of the key the book's seals are under. Null on a book opened before rotation existed: it is under
-- the database's only key. A process whose key has another id refuses to post to the book or seal anything in it,
-- so a server still running with the old key after a rotation cannot add entries that fail verification.
alter table ledger_book add column key_id varchar(16);

-- The key the database is sealed under now: one row, null until the first rotation. Opening a book and rotating both
-- lock it first, so a book opened while a rotation runs is either re-sealed by it or opened after it, under the new key.
create table ledger_key (
    singleton  integer     not null primary key check (singleton = 1),
    key_id     varchar(16)
);
insert into ledger_key (singleton, key_id) values (1, null);

-- One row per rotation: when, from which key to which (public ids only), and how much was re-sealed.
create table ledger_key_rotation (
    rotation_no  bigint      not null primary key,
    rotated_at   timestamp   not null,
    old_key_id   varchar(16) not null,
    new_key_id   varchar(16) not null,
    books        integer     not null,
    entries      bigint      not null,
    anchors      bigint      not null
);
