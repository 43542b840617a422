-- Sealed chain (docs/decisions.md, ledger: "Sealed chain"). The SHA-256 chain of V20 can be recomputed by anyone who
-- can write the database; seals are HMAC-SHA256 under the ledger key, which is kept outside the database
-- (MEDFUND_LEDGER_KEY or ledger.key in the data directory). Entries and book heads written before this migration
-- are sealed by the Java migration V86 (ledger.internal.SealExistingEntries).

-- Seal of the entry's hash; null only on a row the posting path did not write.
alter table ledger_entry add column seal varchar(64);

-- Seal of the book's chain head (next sequence number and last hash): a deleted tail with a rewound book row shows.
alter table ledger_book add column head_seal varchar(64);

-- Sealed chain heads, written at every period close and every Anchor.INTERVAL_ENTRIES entries, and printed on the
-- period's trial balance. reason: INTERVAL or PERIOD_CLOSE; period: the closed period, or the anchored entry's
-- accounting period; sequence_no 0 anchors an empty book (entry_hash = 64 zeros).
create table ledger_anchor (
    org_code     varchar(40) not null,
    anchor_no    bigint      not null,
    reason       varchar(12) not null,
    period       varchar(7)  not null,
    sequence_no  bigint      not null,
    entry_hash   varchar(64) not null,
    anchored_at  timestamp   not null,
    key_id       varchar(16) not null,
    seal         varchar(64) not null,
    primary key (org_code, anchor_no),
    foreign key (org_code) references ledger_book (org_code)
);
create index ledger_anchor_period on ledger_anchor (org_code, period);
