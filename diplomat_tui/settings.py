"""Where things live and which sources to use: defaults, config file, environment.

Precedence, lowest first: built-in defaults, ``<user config dir>/diplomat-tui/config.toml``,
environment variables, command-line options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

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
ENV_IMAGES = "DIPLOMAT_TUI_IMAGES"  # "off" (or 0, no, false) turns pictures off
ENV_IMAGE_HOSTS = "DIPLOMAT_TUI_IMAGE_HOSTS"  # comma-separated
DEFAULT_IMAGE_HOSTS = ("static.tvmaze.com",)  # where TVmaze's image URLs point
_OFF = frozenset({"0", "off", "no", "false"})


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one run."""

    data_dir: Path
    config_path: Path
    tvmaze_url: str = DEFAULT_TVMAZE_URL
    top10_url: str = DEFAULT_TOP10_URL
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    cache_dir: Path | None = None  # None: the user cache folder
    images: bool = True  # pictures shown and fetched (off: --no-images, [images] enabled)
    image_hosts: tuple[str, ...] = DEFAULT_IMAGE_HOSTS

    @property
    def store_path(self) -> Path:
        """The TinyDB file."""
        return self.data_dir / "store.json"

    @property
    def image_cache_dir(self) -> Path:
        """The folder of cached pictures."""
        return (self.cache_dir or user_cache_path(APP_NAME, appauthor=False)) / "images"

    @property
    def allowed_image_hosts(self) -> frozenset[str]:
        """Hosts pictures may come from: ``image_hosts`` and the configured TVmaze host."""
        from urllib.parse import urlsplit

        tvmaze_host = urlsplit(self.tvmaze_url).hostname
        return frozenset(h.lower() for h in (*self.image_hosts, tvmaze_host) if h)


def load_settings(data_dir: str | os.PathLike[str] | None = None) -> Settings:
    """Resolve settings from defaults, the config file, the environment and ``data_dir``."""
    config_dir = os.environ.get(ENV_CONFIG_DIR)
    config_path = (
        Path(config_dir) if config_dir else user_config_path(APP_NAME, appauthor=False)
    ) / "config.toml"
    settings = Settings(data_dir=user_data_path(APP_NAME, appauthor=False), config_path=config_path)
    settings = _apply_config_file(settings)
    env = os.environ
    if env.get(ENV_DATA_DIR):
        settings = replace(settings, data_dir=Path(env[ENV_DATA_DIR]))
    if env.get(ENV_TVMAZE_URL):
        settings = replace(settings, tvmaze_url=env[ENV_TVMAZE_URL])
    if env.get(ENV_TOP10_URL):
        settings = replace(settings, top10_url=env[ENV_TOP10_URL])
    if env.get(ENV_CACHE_DIR):
        settings = replace(settings, cache_dir=Path(env[ENV_CACHE_DIR]))
    if env.get(ENV_IMAGES):
        settings = replace(settings, images=env[ENV_IMAGES].strip().lower() not in _OFF)
    if env.get(ENV_IMAGE_HOSTS):
        hosts = tuple(h.strip() for h in env[ENV_IMAGE_HOSTS].split(",") if h.strip())
        settings = replace(settings, image_hosts=hosts)
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
    images = config.get("images", {}) if isinstance(config.get("images"), dict) else {}
    hosts = images.get("hosts", settings.image_hosts)
    return replace(
        settings,
        theme=config.get("theme") if isinstance(config.get("theme"), str) else None,
        tvmaze_url=str(sources.get("tvmaze_url", settings.tvmaze_url)),
        top10_url=str(sources.get("top10_url", settings.top10_url)),
        keymap={str(k): str(v) for k, v in keymap.items()} if isinstance(keymap, dict) else {},
        images=images.get("enabled", True) is not False,
        image_hosts=tuple(map(str, hosts)) if isinstance(hosts, list) else settings.image_hosts,
    )
