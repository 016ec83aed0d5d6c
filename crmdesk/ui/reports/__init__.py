"""Printable reports: a customer's business review and the monthly summary (print, preview, PDF)."""
