"""The example career ladders careertui ships (read by :mod:`careertui.exchange.ladder_file`)."""
