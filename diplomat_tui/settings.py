"""Where things live and which sources to use: defaults, config file, environment.

Precedence, lowest first: built-in defaults, ``<user config dir>/diplomat-tui/config.toml``,
environment variables, command-line options.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from platformdirs import user_cache_path, user_config_path, user_data_path, user_pictures_path

from diplomat_tui.errors import DiplomatError

APP_NAME = "diplomat-tui"
DEFAULT_TVMAZE_URL = "https://api.tvmaze.com"
DEFAULT_TOP10_URL = "https://www.netflix.com/tudum/top10"
ENV_DATA_DIR = "DIPLOMAT_TUI_DATA_DIR"
ENV_CONFIG_DIR = "DIPLOMAT_TUI_CONFIG_DIR"
ENV_SCREENSHOT_DIR = "DIPLOMAT_TUI_SCREENSHOT_DIR"
ENV_TVMAZE_URL = "DIPLOMAT_TUI_TVMAZE_URL"
ENV_TOP10_URL = "DIPLOMAT_TUI_TOP10_URL"
ENV_CACHE_DIR = "DIPLOMAT_TUI_CACHE_DIR"
ENV_IMAGE_HOSTS = "DIPLOMAT_TUI_IMAGE_HOSTS"
ENV_IMAGES = "DIPLOMAT_TUI_IMAGES"  # "off" (or 0, no, false): no pictures
ENV_GRAPHICS = "DIPLOMAT_TUI_GRAPHICS"  # how pictures are drawn: halfcell, sixel or kitty
GRAPHICS = ("halfcell", "sixel", "kitty")  # half-cell blocks work everywhere, tmux included
_OFF = frozenset({"0", "off", "no", "false"})
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
    screenshot_dir: Path = field(default_factory=lambda: user_pictures_path() / APP_NAME)
    images: bool = True  # pictures shown and fetched (off: --no-images, images = false)
    graphics: str = "halfcell"  # one of GRAPHICS (config ``graphics``, DIPLOMAT_TUI_GRAPHICS)
    unknown_settings: tuple[str, ...] = ()  # config file names no setting has (misspelt?)

    @property
    def store_path(self) -> Path:
        """The TinyDB file."""
        return self.data_dir / "store.json"

    @property
    def http_cache_path(self) -> Path:
        """The HTTP cache (SQLite, RFC 9111 via hishel) in the user cache folder."""
        return (self.cache_dir or self.data_dir / "cache") / HTTP_CACHE_FILE

    @property
    def image_cache_dir(self) -> Path:
        """The folder of cached pictures, in the user cache folder."""
        return (self.cache_dir or self.data_dir / "cache") / "images"

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
        screenshot_dir=user_pictures_path() / APP_NAME,
    )
    settings = _apply_config_file(settings)
    env = os.environ
    if env.get(ENV_DATA_DIR):
        settings = replace(settings, data_dir=Path(env[ENV_DATA_DIR]))
    if env.get(ENV_SCREENSHOT_DIR):
        settings = replace(settings, screenshot_dir=Path(env[ENV_SCREENSHOT_DIR]))
    if env.get(ENV_TVMAZE_URL):
        settings = replace(settings, tvmaze_url=env[ENV_TVMAZE_URL])
    if env.get(ENV_TOP10_URL):
        settings = replace(settings, top10_url=env[ENV_TOP10_URL])
    if env.get(ENV_CACHE_DIR):
        settings = replace(settings, cache_dir=Path(env[ENV_CACHE_DIR]).expanduser())
    if env.get(ENV_IMAGE_HOSTS):
        settings = replace(settings, image_hosts=_hosts(env[ENV_IMAGE_HOSTS].split(",")))
    if env.get(ENV_IMAGES):
        settings = replace(settings, images=env[ENV_IMAGES].strip().lower() not in _OFF)
    if env.get(ENV_GRAPHICS):
        settings = replace(settings, graphics=_graphics(env[ENV_GRAPHICS], ENV_GRAPHICS))
    if data_dir is not None:
        settings = replace(settings, data_dir=Path(data_dir))
    return replace(
        settings,
        data_dir=settings.data_dir.expanduser(),
        screenshot_dir=settings.screenshot_dir.expanduser(),
    )


def _apply_config_file(settings: Settings) -> Settings:
    """Overlay the TOML config file, if there is one; a value of the wrong type is an error."""
    path = settings.config_path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return settings
    except OSError as error:
        raise DiplomatError(f"cannot read the config file {path}: {error.strerror}") from None
    import tomllib  # only when there is a config file to read

    try:
        config = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DiplomatError(f"the config file {path} is not valid TOML ({error})") from None
    sources = _table(config, "sources", path)
    keys = _table(config, "keys", path)
    screenshots = _string(config, "screenshots", path)
    hosts = sources.get("image_hosts")
    graphics = _string(config, "graphics", path)
    images = config.get("images", True)
    if not isinstance(images, bool):
        raise DiplomatError(
            f"the config file {path} sets images = {_shown(images)}, but it must be true or false"
        )
    if hosts is not None and not (
        isinstance(hosts, list) and all(isinstance(host, str) for host in hosts)
    ):
        raise DiplomatError(
            f"the config file {path} sets [sources] image_hosts = {_shown(hosts)}, but it must "
            'be a list of host names in quotes (["static.tvmaze.com"])'
        )
    unknown = [name for name in config if name not in _SETTINGS]
    unknown += [f"[sources] {name}" for name in sources if name not in _SOURCE_SETTINGS]
    return replace(
        settings,
        theme=_string(config, "theme", path),
        tvmaze_url=_url(sources, "tvmaze_url", path) or settings.tvmaze_url,
        top10_url=_url(sources, "top10_url", path) or settings.top10_url,
        screenshot_dir=Path(screenshots) if screenshots else settings.screenshot_dir,
        keymap={binding_id: _string(keys, binding_id, path, "keys") or "" for binding_id in keys},
        image_hosts=_hosts(hosts) if hosts is not None else settings.image_hosts,
        images=images,
        graphics=_graphics(graphics, f"the config file {path} sets graphics, but it")
        if graphics is not None
        else settings.graphics,
        unknown_settings=tuple(unknown),
    )


_SETTINGS = frozenset({"sources", "keys", "screenshots", "graphics", "images", "theme"})
_SOURCE_SETTINGS = frozenset({"tvmaze_url", "top10_url", "image_hosts"})


def _url(sources: Mapping[str, Any], key: str, path: Path) -> str | None:
    """A source's address from the config file: an http(s) URL with a host, else an error."""
    from urllib.parse import urlsplit

    value = _string(sources, key, path, "sources")
    if value is not None:
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DiplomatError(
                f"the config file {path} sets [sources] {key} = {_shown(value)}, but it must "
                "be an http:// or https:// address"
            )
    return value


def _graphics(value: str, where: str) -> str:
    """The drawing protocol ``value`` names (case and blanks ignored); else an error
    that starts with ``where``."""
    name = value.strip().lower()
    if name not in GRAPHICS:
        raise DiplomatError(f"{where} must be one of {', '.join(GRAPHICS)} (not {_shown(value)})")
    return name


def _table(config: Mapping[str, Any], key: str, path: Path) -> Mapping[str, Any]:
    """The table ``[key]`` of the config file (empty if absent)."""
    value = config.get(key, {})
    if not isinstance(value, dict):
        raise DiplomatError(
            f"the config file {path} sets {key} = {_shown(value)}, but {key} must be a table "
            f"(a [{key}] section)"
        )
    return value


def _string(config: Mapping[str, Any], key: str, path: Path, table: str = "") -> str | None:
    """The text value ``key`` of the config file (None if absent)."""
    value = config.get(key)
    if value is None or isinstance(value, str):
        return value
    name = f"[{table}] {key}" if table else key
    raise DiplomatError(
        f"the config file {path} sets {name} = {_shown(value)}, but it must be text in quotes"
    )


def _shown(value: Any) -> str:
    """A config value for a one-line message (cut short)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _hosts(names: list[Any]) -> tuple[str, ...]:
    """Host names from a list (config) or a comma-separated variable, blanks dropped."""
    return tuple(str(name).strip().lower() for name in names if str(name).strip())
