"""One async client per payment provider, behind the Gateway protocol of base.py.

Each client works over an injected httpx.AsyncClient. No Qt.
"""
