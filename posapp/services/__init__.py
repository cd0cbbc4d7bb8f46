"""Async orchestration of payments, status tracking, refunds, payouts and balance; talks upward only through services.events. No Qt."""
