"""The Textual dashboard. Nothing here is imported by the shell commands that do not open it."""
