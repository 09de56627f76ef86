"""The needs insights pages."""
