-- A province's own pooling region (省本级统筹区): the insured of the province-level employers, pooled apart from the
-- cities and filed, settled, given quotas and cleared like a city (guizhou-2017 附件二 "各市、州（含省本级）", 二(一)4,
-- 二(二)3). Marked in regions.csv; the mark is a column so nothing reads it out of a note's text.
alter table registry_region add column province_level boolean default false not null;
-- V3 loaded the registry data before this column existed: mark its province-level rows here (later data versions are
-- written with the mark by DataRefresh).
update registry_region set province_level = true where code = '529900' and source = 'DATA';
