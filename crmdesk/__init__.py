"""crmdesk: a desktop customer-file manager over one local SQLite file."""

__version__ = "0.1.0"
