"""Emulators of the providers as Starlette ASGI apps.

Also the emulated customer and the loopback SandboxServer used by training mode and tests. No Qt.
"""
