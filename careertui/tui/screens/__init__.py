"""Modal screens: the shared ones (form, confirm, help, quick win) and pane-specific ones."""
