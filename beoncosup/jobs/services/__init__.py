"""Writes of the jobs app, one module per area (employers, offers, contact, expiry)."""
