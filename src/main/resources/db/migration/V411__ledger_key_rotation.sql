-- Ledger key rotation (`ledger rotate-key`, docs/reliability.md "The key and what to back up"). Builds on V20 and V85
-- (ledger_book), hence a number above theirs and above V410.

-- The public id of the key the book's seals are under. Null on a book opened before rotation existed: it is under
-- the database's only key. A process whose key has another id refuses to post to the book or seal anything in it,
-- so a server still running with the old key after a rotation cannot add entries that fail verification.
alter table ledger_book add column key_id varchar(16);

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
