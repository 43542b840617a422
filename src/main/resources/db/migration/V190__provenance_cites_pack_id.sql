-- Citations name the policy pack by its id (issue 12): the Guizhou special account's provenance, written by V77 with
-- the old internal seed numbering, now cites guizhou-2017 like every other rule.
update registry_account set provenance = replace(provenance, 'seed 001 ', 'guizhou-2017 ')
where provenance like 'seed 001 %';
