"""The network's views."""
