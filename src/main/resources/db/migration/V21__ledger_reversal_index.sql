-- The reversal lookup index led with org_code, the same leading column as ledger_entry's primary key. Before the
-- planner has statistics for a book (a new book, a new database), PostgreSQL can pick it for the foreign-key check
-- of every ledger_line insert (org_code = ? and sequence_no = ?), scanning all of the book's unreversed entries:
-- inserts became quadratic (docs/performance.md). Leading with reverses_sequence_no keeps the reversal lookup
-- (org_code = ? and reverses_sequence_no = ?) an index seek and makes the index useless for the key check.
drop index ledger_entry_reversal;
create index ledger_entry_reversal on ledger_entry (reverses_sequence_no, org_code);
