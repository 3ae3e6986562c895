"""Reusable widgets that are not panes."""
