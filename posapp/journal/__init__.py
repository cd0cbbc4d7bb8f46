"""The append-only SQLite journal of every money movement, through sqlite-utils.

Also its queries, CSV export and end-of-day totals. No Qt.
"""
