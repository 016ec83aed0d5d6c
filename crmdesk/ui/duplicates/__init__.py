"""The duplicate scan and the side-by-side merge."""
