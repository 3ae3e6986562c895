"""Where the data lives: ``--data-dir``, else ``CAREERTUI_DATA_DIR``, else the platform's user
data directory. Nothing is created here; the store creates the directory (0700) on first write.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CAREERTUI_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("careertui")


CONFIG_ENV_VAR = "CAREERTUI_CONFIG_DIR"
#: The keymap's file name in the config directory.
KEYMAP_FILE = "keymap.toml"


def config_dir() -> Path:
    """Where the user's settings files live: ``CAREERTUI_CONFIG_DIR``, else the platform's user
    config directory (``~/.config/careertui`` on Linux). Nothing is created here."""
    from_env = os.environ.get(CONFIG_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return platformdirs.user_config_path("careertui")


def keymap_file() -> Path:
    """The user's keymap: binding ids mapped to keys (see the README's "Your own keys")."""
    return config_dir() / KEYMAP_FILE
