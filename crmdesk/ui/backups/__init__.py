"""Backups and restore in the window."""
