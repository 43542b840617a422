-- Stored answers (request_log.result) are the largest values written per request: a discharge desk settlement's
-- answer is about 7 KB with its derivation, compressed on every insert. LZ4 compresses it at a fraction of the CPU
-- of PostgreSQL's default pglz (bench crossregion-settle, docs/performance.md). Only a server built with LZ4 offers
-- it; elsewhere the column keeps the default. New values only: existing rows are not rewritten.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table request_log alter column result set compression lz4;
    end if;
end
$$;
