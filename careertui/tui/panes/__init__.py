"""One module a pane (with its .tcss). Panes receive a
:class:`~careertui.store.repository.Career` and post messages; they never touch the store. The
widgets they hold live in :mod:`careertui.tui.widgets`, the gap board's column still beside its
board in :mod:`careertui.tui.panes.gap_column`."""
