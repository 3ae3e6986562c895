"""The dashboard: the screen that holds the four panes, handles what they ask for and runs
every write (:mod:`.screen`), with one small module of requests a pane."""

from careertui.tui.dashboard.screen import PANE_IDS, WIDE, DashboardScreen, WriteFinished

__all__ = ["PANE_IDS", "WIDE", "DashboardScreen", "WriteFinished"]
