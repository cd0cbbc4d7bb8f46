"""Qt item models over the journal (paged, with a Columns enum and named roles)."""
