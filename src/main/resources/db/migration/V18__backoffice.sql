-- People who log in to the back office. Only a hash of each password is kept (BCrypt, with its {id} prefix so
-- that the algorithm can change later); a disabled user cannot log in, but stays for the timelines naming them.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,49}$'),
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('ADMIN', 'AGENT', 'WAREHOUSE')),
    locale        text        NOT NULL DEFAULT 'en' CHECK (locale IN ('de', 'en', 'es', 'ko')),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Secrets Ordo makes for itself on first start and every node must share (e.g. the key of the customers'
-- tracking links). Set by the first node that needs one; never changed afterwards.
CREATE TABLE server_secret (
    name       text PRIMARY KEY,
    value      bytea       NOT NULL CHECK (length(value) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The back office's order queue (ordering's table, read through OrderQueue only).
-- The work still to do, earliest promise first: the queue's default view reads this index in order and stops
-- after one page, however many orders have shipped or been cancelled before.
CREATE INDEX customer_order_to_do_idx ON customer_order (promised_at, id)
    WHERE status IN ('OPEN', 'ON_HOLD') AND fulfillment_status IN ('UNFULFILLED', 'BACKORDERED', 'RELEASED');
-- The search box matches the start of the customer's name, case-insensitively.
CREATE INDEX customer_order_customer_name_idx ON customer_order (lower(customer_name) text_pattern_ops);

-- Back-office sessions (Spring Session JDBC's schema for PostgreSQL, version 4.0): any node serves any logged-in
-- person, and a restart logs nobody out. Expired sessions are deleted by Spring Session's cleanup job.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
