"""Where things live and which sources to use: defaults, config file, environment.

Precedence, lowest first: built-in defaults, ``<user config dir>/diplomat-tui/config.toml``,
environment variables, command-line options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from platformdirs import user_cache_path, user_config_path, user_data_path

from diplomat_tui.errors import DiplomatError

APP_NAME = "diplomat-tui"
DEFAULT_TVMAZE_URL = "https://api.tvmaze.com"
DEFAULT_TOP10_URL = "https://www.netflix.com/tudum/top10"
ENV_DATA_DIR = "DIPLOMAT_TUI_DATA_DIR"
ENV_CONFIG_DIR = "DIPLOMAT_TUI_CONFIG_DIR"
ENV_TVMAZE_URL = "DIPLOMAT_TUI_TVMAZE_URL"
ENV_TOP10_URL = "DIPLOMAT_TUI_TOP10_URL"
ENV_CACHE_DIR = "DIPLOMAT_TUI_CACHE_DIR"
ENV_IMAGE_HOSTS = "DIPLOMAT_TUI_IMAGE_HOSTS"
TVMAZE_IMAGE_HOST = "static.tvmaze.com"
HTTP_CACHE_FILE = "http-cache.sqlite"


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one run."""

    data_dir: Path
    config_path: Path
    tvmaze_url: str = DEFAULT_TVMAZE_URL
    top10_url: str = DEFAULT_TOP10_URL
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    cache_dir: Path | None = None  # None: a ``cache`` folder in the data folder
    image_hosts: tuple[str, ...] = ()  # () : TVmaze's image host and the TVmaze API's host

    @property
    def store_path(self) -> Path:
        """The TinyDB file."""
        return self.data_dir / "store.json"

    @property
    def http_cache_path(self) -> Path:
        """The HTTP cache (SQLite, RFC 9111 via hishel) in the user cache folder."""
        return (self.cache_dir or self.data_dir / "cache") / HTTP_CACHE_FILE

    def allowed_image_hosts(self) -> tuple[str, ...]:
        """The hosts pictures may be fetched from: the setting, else TVmaze's image host
        and the configured TVmaze host."""
        if self.image_hosts:
            return self.image_hosts
        api_host = urlsplit(self.tvmaze_url).hostname
        return (TVMAZE_IMAGE_HOST, *([api_host] if api_host else []))


def load_settings(data_dir: str | os.PathLike[str] | None = None) -> Settings:
    """Resolve settings from defaults, the config file, the environment and ``data_dir``."""
    config_dir = os.environ.get(ENV_CONFIG_DIR)
    config_path = (
        Path(config_dir) if config_dir else user_config_path(APP_NAME, appauthor=False)
    ) / "config.toml"
    settings = Settings(
        data_dir=user_data_path(APP_NAME, appauthor=False),
        config_path=config_path,
        cache_dir=user_cache_path(APP_NAME, appauthor=False),
    )
    settings = _apply_config_file(settings)
    env = os.environ
    if env.get(ENV_DATA_DIR):
        settings = replace(settings, data_dir=Path(env[ENV_DATA_DIR]))
    if env.get(ENV_TVMAZE_URL):
        settings = replace(settings, tvmaze_url=env[ENV_TVMAZE_URL])
    if env.get(ENV_TOP10_URL):
        settings = replace(settings, top10_url=env[ENV_TOP10_URL])
    if env.get(ENV_CACHE_DIR):
        settings = replace(settings, cache_dir=Path(env[ENV_CACHE_DIR]).expanduser())
    if env.get(ENV_IMAGE_HOSTS):
        settings = replace(settings, image_hosts=_hosts(env[ENV_IMAGE_HOSTS].split(",")))
    if data_dir is not None:
        settings = replace(settings, data_dir=Path(data_dir))
    return replace(settings, data_dir=settings.data_dir.expanduser())


def _apply_config_file(settings: Settings) -> Settings:
    """Overlay the TOML config file, if there is one."""
    try:
        raw = settings.config_path.read_bytes()
    except FileNotFoundError:
        return settings
    except OSError as error:
        raise DiplomatError(
            f"cannot read config file {settings.config_path}: {error.strerror}"
        ) from None
    import tomllib  # only when there is a config file to read

    try:
        config = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DiplomatError(
            f"config file {settings.config_path} is not valid TOML: {error}"
        ) from None
    sources = config.get("sources", {})
    keymap = config.get("keys", {})
    hosts = sources.get("image_hosts") if isinstance(sources, dict) else None
    return replace(
        settings,
        theme=config.get("theme") if isinstance(config.get("theme"), str) else None,
        tvmaze_url=str(sources.get("tvmaze_url", settings.tvmaze_url)),
        top10_url=str(sources.get("top10_url", settings.top10_url)),
        keymap={str(k): str(v) for k, v in keymap.items()} if isinstance(keymap, dict) else {},
        image_hosts=_hosts(hosts) if isinstance(hosts, list) else settings.image_hosts,
    )


def _hosts(names: list[object]) -> tuple[str, ...]:
    """Host names from a list (config) or a comma-separated variable, blanks dropped."""
    return tuple(str(name).strip().lower() for name in names if str(name).strip())
