"""Widgets that are not panes, one module each, and the drawing helpers that panes and screens
share (levels, stakeholder marks)."""
