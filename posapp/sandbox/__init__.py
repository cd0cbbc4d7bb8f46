"""Emulators of the providers (Starlette ASGI apps), the emulated customer and the loopback SandboxServer used by training mode and tests. No Qt."""
