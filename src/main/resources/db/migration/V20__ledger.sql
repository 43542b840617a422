-- Fund ledger (org.medfund.ledger): books, chart of accounts, immutable hash-chained entries, transfers, periods.
-- Money is bigint fen. Entries and lines are keyed by (book, sequence) so batches need no generated keys.

-- One book (账套) per organisation. The row is the lock that makes the per-book sequence gapless: a posting
-- selects it "for update", takes next_sequence_no and moves last_hash forward in the same transaction.
create table ledger_book (
    org_code          varchar(40)  primary key,
    book_type         varchar(20)  not null,
    name              varchar(200) not null,
    opened_at         timestamp    not null,
    next_sequence_no  bigint       not null,
    last_hash         varchar(64)  not null
);

-- Chart of accounts per book type, synchronised at start-up from classpath ledger/chart-of-accounts.txt.
create table ledger_account (
    book_type      varchar(20)  not null,
    code           varchar(20)  not null,
    name           varchar(100) not null,
    parent_code    varchar(20),
    normal_side    varchar(1)   not null,
    negative_rule  varchar(12)  not null,
    memo_account   boolean      not null,
    primary key (book_type, code)
);

-- An account closed in one book refuses further postings there.
create table ledger_account_closure (
    org_code      varchar(40) not null,
    account_code  varchar(20) not null,
    closed_at     timestamp   not null,
    primary key (org_code, account_code)
);

create table ledger_entry (
    org_code             varchar(40)  not null,
    sequence_no          bigint       not null,
    entry_date           date         not null,
    period               varchar(7)   not null,
    memo                 varchar(200),
    rule_type            varchar(80)  not null,
    document_type        varchar(40),
    document_id          varchar(100),
    pack_id              varchar(40),
    article              varchar(80),
    reverses_sequence_no bigint,
    transfer_id          varchar(100),
    request_id           varchar(100) not null,
    posted_at            timestamp    not null,
    prev_hash            varchar(64)  not null,
    hash                 varchar(64)  not null,
    primary key (org_code, sequence_no),
    foreign key (org_code) references ledger_book (org_code)
);
create index ledger_entry_transfer on ledger_entry (transfer_id);
create index ledger_entry_document on ledger_entry (document_type, document_id);
-- An entry is reversed at most once.
-- Not unique: a unique index over (org_code, NULL) makes PostgreSQL scan every unreversed entry of the book on each
-- insert (quadratic posting). "Reversed at most once" is checked under the book lock instead (EntryWriter).
create index ledger_entry_reversal on ledger_entry (org_code, reverses_sequence_no);

create table ledger_line (
    org_code           varchar(40)  not null,
    sequence_no        bigint       not null,
    line_no            int          not null,
    account_code       varchar(20)  not null,
    debit_fen          bigint       not null,
    credit_fen         bigint       not null,
    counterparty_code  varchar(40),
    insurance_type     varchar(10),
    dim_period         varchar(7),
    reference          varchar(100),
    primary key (org_code, sequence_no, line_no),
    foreign key (org_code, sequence_no) references ledger_entry (org_code, sequence_no)
);
create index ledger_line_account on ledger_line (org_code, account_code, counterparty_code);

-- Idempotency of postings: one row per posted business event (its request id), with the entries it made.
create table ledger_request (
    request_id   varchar(100) primary key,
    fingerprint  varchar(64)  not null,
    entry_refs   text         not null
);

-- Running totals per book, account and counterparty ('' when none), updated under the book lock. A cache:
-- LedgerAudit re-derives it from the lines.
create table ledger_balance (
    org_code           varchar(40) not null,
    account_code       varchar(20) not null,
    counterparty_code  varchar(40) not null,
    debit_fen          bigint      not null,
    credit_fen         bigint      not null,
    primary key (org_code, account_code, counterparty_code)
);

-- Closed accounting periods of a book; a period without a row is open.
create table ledger_period (
    org_code   varchar(40) not null,
    period     varchar(7)  not null,
    closed_at  timestamp   not null,
    primary key (org_code, period)
);

-- Balances snapshotted when a period closes: cumulative debits and credits per account up to the period's end.
create table ledger_period_balance (
    org_code      varchar(40) not null,
    period        varchar(7)  not null,
    account_code  varchar(20) not null,
    debit_fen     bigint      not null,
    credit_fen    bigint      not null,
    primary key (org_code, period, account_code)
);

-- Transfers between organisations: the payer books post at once, the payee books when the receipt is confirmed.
create table ledger_transfer (
    transfer_id      varchar(100) primary key,
    rule_type        varchar(80)  not null,
    amount_fen       bigint       not null,
    parties          text         not null,
    status           varchar(12)  not null,
    sent_on          date         not null,
    received_on      date,
    dim_period       varchar(7),
    insurance_type   varchar(10),
    document_type    varchar(40),
    document_id      varchar(100),
    pack_id          varchar(40),
    article          varchar(80),
    memo             varchar(200)
);
create index ledger_transfer_status on ledger_transfer (status);
