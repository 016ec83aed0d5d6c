"""Schema migrations, one named function each, never edited once released.

The SQL is written out literally (not generated from domain.customer.FIELDS)
so that a migration keeps meaning what it meant when a file was upgraded.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from crmdesk.storage.schema import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE file_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL  -- JSON
) STRICT;

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('personal', 'company')),
    code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    source TEXT,
    owner TEXT,
    last_verified TEXT,
    notes TEXT,
    name TEXT NOT NULL,
    short_name TEXT,
    gender TEXT,
    birthday TEXT,
    id_number TEXT,
    credit_code TEXT,
    legal_representative TEXT,
    registered_capital INTEGER,
    founded TEXT,
    mobile TEXT,
    phone TEXT,
    email TEXT,
    wechat TEXT,
    qq TEXT,
    province TEXT,
    city TEXT,
    district TEXT,
    address TEXT,
    preferences TEXT,
    usual_products TEXT,
    typical_spend INTEGER,
    education TEXT,
    school TEXT,
    major TEXT,
    employer TEXT,
    job_title TEXT,
    career_notes TEXT,
    marital_status TEXT,
    anniversary TEXT,
    children TEXT,
    hobbies TEXT,
    habits TEXT,
    personality TEXT,
    relationships TEXT,
    referred_by TEXT,
    industry TEXT,
    company_size TEXT,
    ownership TEXT,
    region TEXT,
    main_products TEXT,
    annual_revenue INTEGER,
    employees INTEGER,
    account_type TEXT,
    payment_day INTEGER,
    payment_terms TEXT,
    credit_limit INTEGER,
    credit_rating TEXT,
    name_py_full TEXT NOT NULL DEFAULT '',
    name_py_initials TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
CREATE INDEX customers_name_py ON customers (name_py_full);
CREATE INDEX customers_owner ON customers (owner);
CREATE INDEX customers_deleted ON customers (deleted_at);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag);

CREATE TABLE contact_persons (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    role TEXT,
    mobile TEXT,
    phone TEXT,
    email TEXT,
    wechat TEXT,
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX contact_persons_customer ON contact_persons (customer_id, position);

-- Append-only: who changed what, old and new.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_uid TEXT NOT NULL,
    customer_id INTEGER,
    action TEXT NOT NULL,
    field TEXT,
    old TEXT,
    new TEXT
) STRICT;
CREATE INDEX change_log_customer ON change_log (customer_id, id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
"""
    )


@migrations(name="0002_add_customer_search_index")
def _add_customer_search_index(db: Database) -> None:
    # Search-as-you-type scans this narrow covering index instead of the wide
    # table (LIKE '%q%' cannot seek): 66 -> 27 ms median at 100,000 customers,
    # already in code order, and in pinyin-name order with a small sort.
    db.execute(
        "CREATE INDEX customers_search ON customers (deleted_at, code, name_py_full, search_text)"
    )


@migrations(name="0003_add_orders_payments_plans")
def _add_orders_payments_plans(db: Database) -> None:
    db.executescript(
        """
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    order_date TEXT NOT NULL,
    product TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    cost INTEGER CHECK (cost >= 0),
    note TEXT,
    waybill TEXT,
    origin TEXT,
    destination TEXT,
    pieces INTEGER CHECK (pieces > 0),
    weight_g INTEGER CHECK (weight_g > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
-- Covering the ledger's sums and a customer's orders tab.
CREATE INDEX orders_customer ON orders (customer_id, deleted_at, order_date, amount);
CREATE INDEX orders_date ON orders (order_date);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    paid_date TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    method TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
CREATE INDEX payments_customer ON payments (customer_id, deleted_at, paid_date, amount);

CREATE TABLE sales_plans (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    period TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (customer_id, period)
) STRICT;
"""
    )


@migrations(name="0004_add_customer_tiers")
def _add_customer_tiers(db: Database) -> None:
    # The current tier is recomputed on every open (it depends on "today");
    # it is kept so that the list can show, sort and filter by it in SQL, and
    # every change is appended to the history.
    db.executescript(
        """
CREATE TABLE customer_tiers (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
    tier TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C', 'D')),
    total INTEGER NOT NULL,
    rank INTEGER,
    n INTEGER NOT NULL,
    computed_on TEXT NOT NULL
) STRICT;
CREATE INDEX customer_tiers_tier ON customer_tiers (tier);

CREATE TABLE tier_history (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    since TEXT NOT NULL,
    tier TEXT NOT NULL,
    previous TEXT,
    total INTEGER NOT NULL,
    rank INTEGER,
    n INTEGER NOT NULL
) STRICT;
CREATE INDEX tier_history_customer ON tier_history (customer_id, id);
"""
    )


@migrations(name="0005_add_alert_states_and_scores")
def _add_alert_states_and_scores(db: Database) -> None:
    # Alerts themselves are recomputed on every open; only what the user did
    # with one is kept: dismissed (until the condition clears) or snoozed
    # until a day.  ``key`` is kind:customer id:occurrence (domain.alerts).
    db.executescript(
        """
CREATE TABLE alert_states (
    key TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    state TEXT NOT NULL CHECK (state IN ('dismissed', 'snoozed')),
    until TEXT CHECK ((state = 'snoozed') = (until IS NOT NULL)),
    changed_at TEXT NOT NULL
) STRICT;

-- RFM and the churn model's numbers as of the last open, for the detail
-- panel; recomputed from the orders every time, so replaced wholesale.
-- Model outputs are probabilities and expectations (REAL); money stays fen.
CREATE TABLE customer_scores (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
    r INTEGER CHECK (r BETWEEN 1 AND 5),
    f INTEGER CHECK (f BETWEEN 1 AND 5),
    m INTEGER CHECK (m BETWEEN 1 AND 5),
    segment TEXT,
    p_alive REAL CHECK (p_alive BETWEEN 0 AND 1),
    expected_purchases REAL,
    expected_value INTEGER,
    horizon_weeks REAL,
    computed_on TEXT NOT NULL
) STRICT;
"""
    )


@migrations(name="0006_add_contacts_and_follow_ups")
def _add_contacts_and_follow_ups(db: Database) -> None:
    db.executescript(
        """
-- The contact log: what happened.  Times are local wall-clock "HH:MM".
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    contact_date TEXT NOT NULL,
    contact_time TEXT CHECK (contact_time IS NULL OR contact_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    method TEXT NOT NULL,
    person TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL CHECK (summary <> ''),
    outcome TEXT NOT NULL DEFAULT '',
    next_step TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
CREATE INDEX contacts_customer ON contacts (customer_id, deleted_at, contact_date);

-- Planned follow-ups: what is to happen.  A generated one has a gen_key,
-- unique within its customer, so generating again never duplicates it.
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    due_date TEXT NOT NULL,
    due_time TEXT CHECK (due_time IS NULL OR due_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    method TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose <> ''),
    owner TEXT,
    state TEXT NOT NULL CHECK (state IN ('planned', 'done', 'missed', 'cancelled')),
    contact_id INTEGER REFERENCES contacts (id) CHECK ((state = 'done') = (contact_id IS NOT NULL)),
    source TEXT NOT NULL,
    gen_key TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT,
    UNIQUE (customer_id, gen_key)
) STRICT;
CREATE INDEX follow_ups_customer ON follow_ups (customer_id, deleted_at, state, due_date);
-- The today list, the calendar and the alert scan read planned ones by date.
CREATE INDEX follow_ups_due ON follow_ups (due_date, customer_id) WHERE state = 'planned' AND deleted_at IS NULL;
"""
    )


@migrations(name="0007_add_occasion_indexes")
def _add_occasion_indexes(db: Database) -> None:
    # The calendar asks for birthdays and anniversaries by month-day; these
    # answer it from the index alone (a month view 200 -> 30 ms on 100,000 customers).
    db.executescript(
        """
CREATE INDEX customers_birthday_md ON customers (kind, deleted_at, substr(birthday, 6, 5), birthday);
CREATE INDEX customers_anniversary_md ON customers (kind, deleted_at, substr(anniversary, 6, 5), anniversary);
"""
    )


@migrations(name="0008_add_lunar_birthday")
def _add_lunar_birthday(db: Database) -> None:
    # 农历生日 as "L08-15" ("L*04-08" in a leap month); the calendar and the
    # alert scan ask for the few distinct values, so the index holds only the set ones.
    db.executescript(
        """
ALTER TABLE customers ADD COLUMN lunar_birthday TEXT
    CHECK (lunar_birthday IS NULL OR lunar_birthday GLOB 'L[0-9][0-9]-[0-9][0-9]'
           OR lunar_birthday GLOB 'L[*][0-9][0-9]-[0-9][0-9]');
CREATE INDEX customers_lunar_birthday ON customers (lunar_birthday, kind, deleted_at)
    WHERE lunar_birthday IS NOT NULL;
"""
    )


@migrations(name="0009_add_complaints")
def _add_complaints(db: Database) -> None:
    # Complaints and their handling steps (domain.complaints).  The deadlines
    # are not stored: they follow from the priority and the file's settings,
    # which may change.  Dates are "YYYY-MM-DD", times local "HH:MM".
    db.executescript(
        """
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    received_date TEXT NOT NULL,
    received_time TEXT CHECK (received_time IS NULL OR received_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    channel TEXT NOT NULL,
    order_id INTEGER REFERENCES orders (id),
    category TEXT NOT NULL CHECK (category IN ('product', 'service', 'delivery', 'price', 'usage', 'other')),
    nature TEXT NOT NULL CHECK (nature IN ('good_faith', 'malicious')),
    nature_reason TEXT NOT NULL DEFAULT '' CHECK (nature <> 'malicious' OR nature_reason <> ''),
    description TEXT NOT NULL CHECK (description <> ''),
    owner TEXT,
    priority TEXT NOT NULL CHECK (priority IN ('A', 'B', 'C', 'D')),
    state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
    reopened_date TEXT,
    resolved_date TEXT CHECK ((state = 'resolved') = (resolved_date IS NOT NULL)),
    outcome TEXT NOT NULL DEFAULT '',
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    retained INTEGER CHECK (retained IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
-- A customer's complaints tab.
CREATE INDEX complaints_customer ON complaints (customer_id, deleted_at, state, received_date);
-- The open ones, by customer: the alert scan, the counts and the escalation marks.
CREATE INDEX complaints_open ON complaints (customer_id, priority, received_date)
    WHERE state = 'open' AND deleted_at IS NULL;
-- The whole-file log by state, then priority and the day the deadlines count from.
CREATE INDEX complaints_log ON complaints (state, priority, coalesce(reopened_date, received_date))
    WHERE deleted_at IS NULL;

-- The handling timeline.  customer_id repeats the complaint's, for the change log.
CREATE TABLE complaint_steps (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind TEXT NOT NULL CHECK (kind IN ('first_response', 'cause', 'action', 'follow_up', 'note', 'resolved',
                                       'reopened')),
    step_date TEXT NOT NULL,
    step_time TEXT CHECK (step_time IS NULL OR step_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    text TEXT NOT NULL CHECK (text <> ''),
    promise TEXT NOT NULL DEFAULT '' CHECK ((kind = 'action') = (promise <> '')),
    due_date TEXT CHECK ((kind = 'action') = (due_date IS NOT NULL)),
    due_time TEXT CHECK (due_time IS NULL OR (kind = 'action' AND due_time GLOB '[0-2][0-9]:[0-5][0-9]')),
    satisfaction INTEGER CHECK (satisfaction IS NULL OR (kind = 'resolved' AND satisfaction BETWEEN 1 AND 5)),
    retained INTEGER CHECK (retained IS NULL OR (kind = 'resolved' AND retained IN (0, 1))),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
CREATE INDEX complaint_steps_complaint ON complaint_steps (complaint_id, deleted_at, kind, step_date);
"""
    )


@migrations(name="0010_add_operations")
def _add_operations(db: Database) -> None:
    # Whole operations that can be undone later as one: an import, a merge of
    # two customers.  The journal (JSON) says what the operation created, moved
    # and overwrote, with the values before, so undoing needs nothing else.
    db.executescript(
        """
CREATE TABLE operations (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('import', 'merge')),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    label TEXT NOT NULL,
    summary TEXT NOT NULL CHECK (json_valid(summary)),
    journal TEXT NOT NULL CHECK (json_valid(journal)),
    undone_at TEXT
) STRICT;
CREATE INDEX operations_kind ON operations (kind, id);
"""
    )


@migrations(name="0011_add_sales_and_marketing")
def _add_sales_and_marketing(db: Database) -> None:
    # Opportunities (业务机会) move through the file's stages (file_settings
    # "pipeline.stages": key, probability, outcome); every stay in a stage is a
    # row of opportunity_stages, so the funnel's days per stage and its
    # conversions are counted, not guessed.  Money is fen.
    db.executescript(
        """
CREATE TABLE opportunities (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    title TEXT NOT NULL CHECK (title <> ''),
    product TEXT,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    expected_close TEXT,
    stage TEXT NOT NULL CHECK (stage <> ''),
    stage_since TEXT NOT NULL,
    owner TEXT,
    lost_reason TEXT NOT NULL DEFAULT '',
    order_id INTEGER REFERENCES orders (id),
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;
CREATE INDEX opportunities_stage ON opportunities (deleted_at, stage, stage_since);
CREATE INDEX opportunities_customer ON opportunities (customer_id, deleted_at);
CREATE INDEX opportunities_order ON opportunities (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE opportunity_stages (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    stage TEXT NOT NULL,
    entered_on TEXT NOT NULL,
    left_on TEXT CHECK (left_on IS NULL OR left_on >= entered_on),
    actor TEXT NOT NULL,
    at TEXT NOT NULL
) STRICT;
CREATE INDEX opportunity_stages_opportunity ON opportunity_stages (opportunity_id, id);

-- 业绩指标: an owner's target for a month ("2026-11") or a quarter ("2026-Q4").
CREATE TABLE sales_targets (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    owner TEXT NOT NULL CHECK (owner <> ''),
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
                                OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (owner, period)
) STRICT;

-- 市场活动.  target_filter is the saved filter the targets were chosen by
-- (JSON); the chosen customers are kept, so the campaign still names them
-- when the filter would now choose others.  reached_on NULL: targeted only.
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (name <> ''),
    channel TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL CHECK (end_date >= start_date),
    cost INTEGER NOT NULL CHECK (cost >= 0),
    window_days INTEGER NOT NULL CHECK (window_days >= 0),
    target_filter TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(target_filter)),
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;

CREATE TABLE campaign_customers (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    reached_on TEXT,
    PRIMARY KEY (campaign_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX campaign_customers_customer ON campaign_customers (customer_id);

-- 转介绍: who referred whom, between customers of the file (a customer has at
-- most one referrer; customers.referred_by stays the free-text note).
CREATE TABLE referrals (
    referred_id INTEGER PRIMARY KEY REFERENCES customers (id),
    referrer_id INTEGER NOT NULL REFERENCES customers (id) CHECK (referrer_id <> referred_id),
    referred_on TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX referrals_referrer ON referrals (referrer_id);

-- 挽回: one row per time a customer was lost and a win-back plan started;
-- won_back_on is the day of the first order after it.
CREATE TABLE win_backs (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    lost_on TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('churn', 'manual')),
    won_back_on TEXT CHECK (won_back_on IS NULL OR won_back_on >= lost_on),
    order_id INTEGER REFERENCES orders (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX win_backs_customer ON win_backs (customer_id, won_back_on);
"""
    )


def migration_names(ms: Migrations = migrations) -> list[str]:
    """The migrations registered in ``ms``, in order (all pending on an empty database)."""
    return [m.name for m in ms.pending(Database(memory=True))]
