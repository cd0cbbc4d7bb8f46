"""The shop store's schema in PostgreSQL: versioned migrations and the terminals' least-privilege role.

Everything lives in the ``posapp`` schema of the shop's database. Migrations are named, applied in
order, each in the same transaction as its row in ``posapp.schema_migrations`` (like the journal's);
a store holding a migration this posapp does not know was set up by a newer one and is refused
(``StoreTooNew``) before anything changes. A migration is never edited once released.

What the terminals' role may do (``init_store`` creates it, ``posapp_terminal`` by default):

- INSERT and SELECT the shipped events and user changes; never UPDATE, DELETE or TRUNCATE them: it has
  no such grant, and a trigger refuses those even to the owner (an administrator must drop the trigger
  on purpose to rewrite history);
- SELECT the projection ``transactions`` (kept by a trigger running as the owner) and register itself
  in ``terminals`` (INSERT, and UPDATE of its name and last-synchronised time only);
- claim a refund only through ``posapp.claim_refund`` (SECURITY DEFINER): the cap across counters is
  checked in the store, under a row lock on the sale, not trusted to a terminal.

A gap in a terminal's sequence is refused by the store itself (``seq`` n+1 only after n): a replicator
bug or a damaged journal shows as an error, never as a silently missing event.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA = "posapp"
MIGRATIONS_TABLE = f"{SCHEMA}.schema_migrations"
DEFAULT_TERMINAL_ROLE = "posapp_terminal"


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str


_APPEND_ONLY_TABLES = ("events", "user_changes", "refund_claims", "day_reports")

_M001 = r"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE posapp.terminals (
    terminal_id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    registered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_sync_at timestamptz,          -- the last time the terminal's replicator was up to date
    last_seq bigint NOT NULL DEFAULT 0 -- the journal's highest event id at that time
);

-- One row per journal event, shipped by its terminal: seq is the journal's own events.id.
CREATE TABLE posapp.events (
    terminal_id uuid NOT NULL REFERENCES posapp.terminals,
    seq bigint NOT NULL CHECK (seq > 0),
    app_ref text NOT NULL,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    type text NOT NULL,
    status text NOT NULL,
    provider_ref text,
    operator text,
    fees_minor bigint,
    message text,
    raw jsonb,
    -- the intent, on the 'intent' event only (a transaction's first)
    kind text,
    provider text,
    amount_minor bigint,
    currency text,
    customer text,
    reason text,
    parent_ref text,
    cashier text,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (terminal_id, seq),
    CHECK (type <> 'intent' OR (kind IS NOT NULL AND amount_minor > 0 AND currency IS NOT NULL))
);

-- The shop's view of every transaction, folded from the events as the journal folds them.
CREATE TABLE posapp.transactions (
    terminal_id uuid NOT NULL REFERENCES posapp.terminals,
    app_ref text NOT NULL,
    kind text NOT NULL,
    provider text NOT NULL,
    amount_minor bigint NOT NULL,
    currency text NOT NULL,
    customer text,
    reason text NOT NULL DEFAULT '',
    parent_ref text,
    cashier text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    status text NOT NULL,
    provider_ref text,
    operator text,
    fees_minor bigint,
    updated_at timestamptz NOT NULL,
    first_seq bigint NOT NULL,
    last_seq bigint NOT NULL,
    received_at timestamptz NOT NULL,      -- when the intent reached the store
    last_received_at timestamptz NOT NULL, -- when its latest event did (late events show against a report)
    search text GENERATED ALWAYS AS (
        -- || rather than concat_ws, which PostgreSQL does not count as immutable
        lower(app_ref || ' ' || coalesce(provider_ref, '') || ' ' || coalesce(parent_ref, '') || ' '
              || coalesce(customer, '') || ' ' || reason)
    ) STORED,
    PRIMARY KEY (terminal_id, app_ref)
);
-- History pages newest first on (created_at, terminal_id, app_ref), scanned backwards
CREATE INDEX transactions_created ON posapp.transactions (created_at, terminal_id, app_ref);
-- (No (terminal_id, created_at) index: the planner took it for the projection's lookups by app_ref,
-- reading a terminal's whole history per event. A counter's page scans the index above: 1 row in N counters.)
CREATE INDEX transactions_parent ON posapp.transactions (parent_ref) WHERE parent_ref IS NOT NULL;
CREATE INDEX transactions_search ON posapp.transactions USING gin (search gin_trgm_ops);

-- Users' changes (created, pin_changed, disabled...), shipped like events: seq is user_events.id.
CREATE TABLE posapp.user_changes (
    terminal_id uuid NOT NULL REFERENCES posapp.terminals,
    seq bigint NOT NULL CHECK (seq > 0),
    arrival bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- shop-wide order: terminals pull after it
    at timestamptz NOT NULL,
    actor text NOT NULL,
    type text NOT NULL,
    name text NOT NULL,
    name_key text NOT NULL,
    role text NOT NULL,
    disabled boolean NOT NULL,
    pin_scheme text NOT NULL,
    pin_params text NOT NULL,
    pin_salt bytea NOT NULL,
    pin_hash bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (terminal_id, seq)
);

-- A refund's claim on a sale, written by claim_refund() before the refund leaves its terminal.
CREATE TABLE posapp.refund_claims (
    terminal_id uuid NOT NULL REFERENCES posapp.terminals,
    refund_ref text NOT NULL,
    sale_terminal_id uuid NOT NULL,
    sale_ref text NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency text NOT NULL,
    claimed_by text NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (terminal_id, refund_ref),
    FOREIGN KEY (sale_terminal_id, sale_ref) REFERENCES posapp.transactions (terminal_id, app_ref)
);
CREATE INDEX refund_claims_sale ON posapp.refund_claims (sale_terminal_id, sale_ref);

-- Each time a shop day was reported: events arriving after it for that day are shown as late.
CREATE TABLE posapp.day_reports (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day date NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    reported_by text NOT NULL,
    terminal_id uuid NOT NULL REFERENCES posapp.terminals
);
CREATE INDEX day_reports_day ON posapp.day_reports (day, reported_at);

CREATE FUNCTION posapp.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'posapp.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- Once per INSERT statement over the rows it added (a transition table): a batch costs a few index
-- lookups, not a trigger call per event. Events arrive in seq order per terminal, so the rows a statement
-- adds for a terminal together with those already stored must cover min(new)-1 .. max(new) without a hole.
-- (Index lookups forced: a transition table has no statistics, and plans that scanned or merged the whole
-- growing table for every batch made catching up quadratic: 77 s for 60,000 events instead of 2 s.)
CREATE FUNCTION posapp.refuse_event_gap() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.terminal_id, n.low, n.high INTO bad
    FROM (SELECT terminal_id, min(seq) AS low, max(seq) AS high FROM new_events GROUP BY terminal_id) AS n
    WHERE (n.low > 1 AND NOT EXISTS (SELECT 1 FROM posapp.events e
                                     WHERE e.terminal_id = n.terminal_id AND e.seq = n.low - 1))
       OR (SELECT count(*) FROM posapp.events e
           WHERE e.terminal_id = n.terminal_id AND e.seq BETWEEN n.low AND n.high) <> n.high - n.low + 1
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'gap in the events of terminal %: seq % arrived before seq %',
            bad.terminal_id, bad.low, bad.low - 1 USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_no_gap AFTER INSERT ON posapp.events REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION posapp.refuse_event_gap();

CREATE FUNCTION posapp.refuse_user_change_gap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq > 1 AND NOT EXISTS (
        SELECT 1 FROM posapp.user_changes WHERE terminal_id = NEW.terminal_id AND seq = NEW.seq - 1
    ) THEN
        RAISE EXCEPTION 'gap in the user changes of terminal %: seq % arrived before seq %',
            NEW.terminal_id, NEW.seq, NEW.seq - 1 USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER user_changes_no_gap BEFORE INSERT ON posapp.user_changes
    FOR EACH ROW EXECUTE FUNCTION posapp.refuse_user_change_gap();

-- Runs as the owner: the terminals read the projection but cannot write it themselves. Once per
-- statement: the intents become rows, then each transaction takes its newest status and the newest
-- non-null reference / operator / fees of the new events (the journal's own folding rule).
CREATE FUNCTION posapp.project_events() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = posapp, pg_temp SET enable_seqscan = off SET enable_mergejoin = off SET enable_hashjoin = off AS $$
BEGIN
    INSERT INTO posapp.transactions (terminal_id, app_ref, kind, provider, amount_minor, currency, customer,
        reason, parent_ref, cashier, created_at, status, provider_ref, operator, fees_minor, updated_at,
        first_seq, last_seq, received_at, last_received_at)
    SELECT terminal_id, app_ref, kind, provider, amount_minor, currency, customer, coalesce(reason, ''),
        parent_ref, coalesce(cashier, ''), at, status, provider_ref, operator, fees_minor, at, seq, seq,
        received_at, received_at
    FROM new_events WHERE type = 'intent'
    ON CONFLICT DO NOTHING;
    UPDATE posapp.transactions t SET status = l.status,
        provider_ref = coalesce(l.provider_ref, t.provider_ref),
        operator = coalesce(l.operator, t.operator),
        fees_minor = coalesce(l.fees_minor, t.fees_minor),
        updated_at = l.at, last_seq = l.last_seq, last_received_at = l.received_at
    FROM (
        SELECT terminal_id, app_ref, max(seq) AS last_seq, max(received_at) AS received_at,
            (array_agg(status ORDER BY seq DESC))[1] AS status,
            (array_agg(at ORDER BY seq DESC))[1] AS at,
            (array_agg(provider_ref ORDER BY seq DESC) FILTER (WHERE provider_ref IS NOT NULL))[1] AS provider_ref,
            (array_agg(operator ORDER BY seq DESC) FILTER (WHERE operator IS NOT NULL))[1] AS operator,
            (array_agg(fees_minor ORDER BY seq DESC) FILTER (WHERE fees_minor IS NOT NULL))[1] AS fees_minor
        FROM new_events GROUP BY terminal_id, app_ref
    ) AS l
    WHERE t.terminal_id = l.terminal_id AND t.app_ref = l.app_ref AND t.last_seq < l.last_seq;
    RETURN NULL;
END $$;
CREATE TRIGGER events_project AFTER INSERT ON posapp.events REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION posapp.project_events();

-- What a sale's refunds hold across the shop: every claim whose refund the store does not know FAILED or
-- CANCELED, and the refunds its own terminal recorded without a claim (offline) that are not.
CREATE FUNCTION posapp.refund_reserved(p_sale_terminal uuid, p_sale_ref text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = posapp, pg_temp AS $$
    SELECT coalesce(sum(amount), 0)::bigint FROM (
        SELECT c.amount_minor AS amount FROM posapp.refund_claims c
        WHERE c.sale_terminal_id = p_sale_terminal AND c.sale_ref = p_sale_ref
          AND NOT EXISTS (SELECT 1 FROM posapp.transactions r WHERE r.terminal_id = c.terminal_id
                          AND r.app_ref = c.refund_ref AND r.status IN ('failed', 'canceled'))
        UNION ALL
        SELECT r.amount_minor FROM posapp.transactions r
        WHERE r.terminal_id = p_sale_terminal AND r.parent_ref = p_sale_ref AND r.kind = 'refund'
          AND r.status NOT IN ('failed', 'canceled')
          AND NOT EXISTS (SELECT 1 FROM posapp.refund_claims c WHERE c.terminal_id = r.terminal_id
                          AND c.refund_ref = r.app_ref)
    ) AS reserving
$$;

-- The shop-wide refund cap, decided under a lock on the sale's row. Refunds the sale's own terminal
-- recorded without a claim (offline) count too; a refund the store knows FAILED or CANCELED does not.
CREATE FUNCTION posapp.claim_refund(
    p_terminal uuid, p_refund_ref text, p_sale_terminal uuid, p_sale_ref text,
    p_amount bigint, p_currency text, p_by text,
    OUT accepted boolean, OUT left_minor bigint, OUT reason text
) LANGUAGE plpgsql SECURITY DEFINER SET search_path = posapp, pg_temp AS $$
DECLARE
    sale record;
    previous record;
    reserved bigint;
BEGIN
    SELECT kind, status, amount_minor, currency INTO sale FROM posapp.transactions
        WHERE terminal_id = p_sale_terminal AND app_ref = p_sale_ref FOR UPDATE;
    IF NOT FOUND THEN
        accepted := false; left_minor := 0; reason := 'unknown_sale'; RETURN;
    END IF;
    SELECT amount_minor, currency INTO previous FROM posapp.refund_claims
        WHERE terminal_id = p_terminal AND refund_ref = p_refund_ref;
    IF FOUND THEN  -- the same refund asking again (a retry after a lost answer): same answer
        accepted := previous.amount_minor = p_amount AND previous.currency = p_currency;
        left_minor := 0; reason := CASE WHEN accepted THEN 'already_claimed' ELSE 'claim_conflict' END; RETURN;
    END IF;
    IF sale.kind NOT IN ('link_payment', 'push_payment') OR sale.status NOT IN ('succeeded', 'partially_refunded') THEN
        accepted := false; left_minor := 0; reason := 'not_paid'; RETURN;
    END IF;
    IF sale.currency <> p_currency THEN
        accepted := false; left_minor := 0; reason := 'currency'; RETURN;
    END IF;
    reserved := posapp.refund_reserved(p_sale_terminal, p_sale_ref);
    left_minor := greatest(sale.amount_minor - reserved, 0);
    IF p_amount > left_minor THEN
        accepted := false; reason := 'over_refund'; RETURN;
    END IF;
    INSERT INTO posapp.refund_claims (terminal_id, refund_ref, sale_terminal_id, sale_ref, amount_minor, currency,
        claimed_by) VALUES (p_terminal, p_refund_ref, p_sale_terminal, p_sale_ref, p_amount, p_currency, p_by);
    accepted := true; left_minor := left_minor - p_amount; reason := 'ok';
END $$;
""" + "".join(
    f"""
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON posapp.{table}
    FOR EACH ROW EXECUTE FUNCTION posapp.refuse_change();
CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON posapp.{table}
    FOR EACH STATEMENT EXECUTE FUNCTION posapp.refuse_change();
"""
    for table in _APPEND_ONLY_TABLES
)

MIGRATIONS: tuple[Migration, ...] = (Migration("m001_initial", _M001),)
KNOWN = tuple(m.name for m in MIGRATIONS)


def grants_sql(role: str) -> str:
    """What the terminals' role may do, and nothing more (``role`` is quoted by the caller)."""
    return f"""
REVOKE ALL ON SCHEMA posapp FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA posapp FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA posapp FROM PUBLIC;
GRANT USAGE ON SCHEMA posapp TO {role};
GRANT SELECT ON posapp.schema_migrations, posapp.transactions TO {role};
GRANT SELECT, INSERT ON posapp.events, posapp.user_changes, posapp.day_reports TO {role};
GRANT SELECT ON posapp.refund_claims TO {role};
GRANT SELECT, INSERT ON posapp.terminals TO {role};
GRANT UPDATE (name, last_sync_at, last_seq) ON posapp.terminals TO {role};
GRANT EXECUTE ON FUNCTION posapp.claim_refund(uuid, text, uuid, text, bigint, text, text) TO {role};
GRANT EXECUTE ON FUNCTION posapp.refund_reserved(uuid, text) TO {role};
"""


__all__ = ["DEFAULT_TERMINAL_ROLE", "KNOWN", "MIGRATIONS", "MIGRATIONS_TABLE", "Migration", "SCHEMA", "grants_sql"]
