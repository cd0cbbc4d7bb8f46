"""One async client per payment provider over an injected httpx.AsyncClient, behind the Gateway protocol of base.py. No Qt."""
