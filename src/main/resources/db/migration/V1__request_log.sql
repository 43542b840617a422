-- Idempotency of state-changing commands (org.medfund.common.RequestLog).
create table request_log (
    scope       varchar(60)  not null,
    request_id  varchar(100) not null,
    fingerprint varchar(64)  not null,
    result      text         not null,
    created_at  timestamp    not null,
    primary key (scope, request_id)
);
