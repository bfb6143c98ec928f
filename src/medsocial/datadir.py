"""Where the embedded hub keeps its data: one absolute place, whatever the current directory.

Read by the settings and by the `medsocial` command before Django starts, so a cron job run
from another directory finds the same SQLite file, secret key and uploads as the site (the
old default, `./var` under the current directory, silently made a new, empty hub there).
"""

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATABASE_FILE = "medsocial.sqlite3"


def source_checkout(package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The checkout a source (editable) install runs from: the folder with pyproject.toml
    above src/medsocial. None for an installed package."""
    root = package_dir.parent.parent
    if package_dir.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root
    return None


def platform_data_dir(environ=os.environ, platform: str = sys.platform, home: Path | None = None) -> Path:
    """The per-user data folder the platform expects (XDG on Linux)."""
    home = home or Path.home()
    if platform == "darwin":
        return home / "Library" / "Application Support" / "medsocial"
    if platform.startswith("win"):
        return Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "medsocial"
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "medsocial"


def data_dir(environ=os.environ, package_dir: Path = PACKAGE_DIR) -> Path:
    """MEDSOCIAL_DATA_DIR when set; else the checkout's var/ (source install) or the platform's
    data folder. Always absolute."""
    configured = environ.get("MEDSOCIAL_DATA_DIR")
    if configured:
        return Path(configured).expanduser().resolve()
    checkout = source_checkout(package_dir)
    if checkout is not None:
        return checkout / "var"
    return platform_data_dir(environ).resolve()


def describe_storage(environ=os.environ) -> str:
    """One line for an operator: where the data lives."""
    where = f"Data directory: {data_dir(environ)}"
    if environ.get("DATABASE_URL"):
        return where + " (uploads; the database is at DATABASE_URL)"
    return where + f" (database {DATABASE_FILE}, secret key, uploads); set MEDSOCIAL_DATA_DIR to change it"
