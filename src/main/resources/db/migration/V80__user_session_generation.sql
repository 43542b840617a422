-- Issue 11 #4: a disabled user's open staff session kept working. Every session remembers the generation of its
-- user at login; disabling the user or resetting the password moves the generation on, which ends every session
-- opened before (checked on each page request, org.medfund.web.SessionCheck). Re-enabling does not move it back.
alter table app_user add column session_generation integer default 0 not null;
