"""The complaint log: every complaint of the file, filtered and sorted, escalated ones marked."""
