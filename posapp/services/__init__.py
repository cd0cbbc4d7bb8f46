"""Async orchestration of payments, status tracking, refunds, payouts and balance.

Services talk upward only through services.events. No Qt.
"""
