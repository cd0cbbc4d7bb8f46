"""Pure domain: money, phone numbers, transactions and access rules. No I/O, no Qt, no other posapp package."""
