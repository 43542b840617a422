-- Where an account's details come from: the text of a seed document that publishes the account (e.g. Guizhou's
-- provincial special account in seed 001 附件1 一(三)); null for the fictional demo accounts and for accounts entered
-- through the API.
alter table registry_account add column provenance varchar(200);
-- V3 loaded the registry data before this column existed: mark the published account here (later data versions
-- are written with their provenance by DataRefresh).
update registry_account set provenance = 'seed 001 附件1 一(三)（原文公布的省级财政专户）'
where id = '520000-FINANCE-SPECIAL' and source = 'DATA' and account_no = '2402002129014452854-000000008';
