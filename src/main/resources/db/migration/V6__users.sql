-- Staff and machine users of medfund (org.medfund.users.Users). Every user belongs to one organisation (its code in
-- the registry) and holds roles within it; machine clients authenticate with API tokens bound to a user.
create table app_user (
    username      varchar(60)  not null primary key,
    display_name  varchar(100) not null,
    org_code      varchar(40)  not null,
    password_hash varchar(200) not null,
    enabled       boolean      not null,
    created_at    timestamp    not null
);

create table app_user_role (
    username varchar(60) not null references app_user (username),
    role     varchar(20) not null,
    primary key (username, role)
);

-- Only the SHA-256 of a token is stored: tokens are 256-bit random values, so a fast hash is enough to make a
-- stolen table useless, and it lets a request find its token by an indexed lookup.
create table api_token (
    token_hash   varchar(64)  not null primary key,
    token_prefix varchar(16)  not null,
    username     varchar(60)  not null references app_user (username),
    label        varchar(100) not null,
    created_at   timestamp    not null,
    revoked_at   timestamp
);

create index api_token_username on api_token (username);
