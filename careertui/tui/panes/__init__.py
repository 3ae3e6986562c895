"""One module a pane. Panes receive a :class:`~careertui.store.repository.Career` and post
messages; they never touch the store."""
