"""Facts about the file format that opening a file needs, without importing
sqlite-utils (which costs ~65 ms of start-up for a read-only listing)."""

APPLICATION_ID = 0x43524D44  # "CRMD", stamped in the SQLite header
SUFFIX = ".crmdesk"
MIGRATION_SET = "crmdesk"
# Every migration this build knows, in order; tests pin it to migrations.py.
MIGRATION_NAMES = (
    "0001_initial",
    "0002_add_customer_search_index",
    "0003_add_orders_payments_plans",
    "0004_add_customer_tiers",
    "0005_add_alert_states_and_scores",
    "0006_add_contacts_and_follow_ups",
    "0007_add_occasion_indexes",
    "0008_add_lunar_birthday",
    "0009_add_complaints",
    "0010_add_operations",
    "0011_add_sales_and_marketing",
)
