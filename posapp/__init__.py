"""posapp: a point-of-sale and merchant console for mobile-money payments."""

__version__ = "0.1.0"
