"""Reading an article file: its size, BOM, encoding, and whether it is text at all."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from diplomat_tui.errors import ArticleError

MAX_ARTICLE_BYTES = 2_000_000


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters no text file holds: NUL, the other C0 controls but tab/newline/FF/CR, DEL.
_NON_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_NON_TEXT_SHARE = 0.05


def read_article(path: Path) -> str:
    """Return the text of the article file ``path``.

    Raises :class:`ArticleError`, with a one-line message naming the file, when it is
    missing or unreadable, larger than :data:`MAX_ARTICLE_BYTES`, binary, not UTF-8
    (UTF-8 with a BOM and UTF-16 with a BOM are accepted), or empty.
    """
    text = _decoded(_article_bytes(path), path)
    if not text.strip():
        raise ArticleError(f"{path} is empty: there is no article text in it.")
    return text


def _article_bytes(path: Path) -> bytes:
    """The file's bytes, its size checked before it is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(f"{path} is not a regular file.")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise _too_large(path)
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise ArticleError(f"{path} does not exist.") from None
    except OSError as error:
        raise ArticleError(f"{path} could not be read: {error.strerror or error}.") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(path)
    return data


def _too_large(path: Path) -> ArticleError:
    return ArticleError(
        f"{path} is too large for an article (the limit is {MAX_ARTICLE_BYTES:,} bytes)."
    )


def _decoded(data: bytes, path: Path) -> str:
    """The text of ``data``: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if data.startswith(_UTF8_BOM):
        encoding = "utf-8-sig"
    elif data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if _looks_binary(data.decode("latin-1")):
            raise _binary(path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ArticleError(
            f"{path} is not UTF-8 text: convert it to UTF-8 (e.g. with iconv) and try again."
        ) from None
    if _looks_binary(text):
        raise _binary(path)
    return text


def _looks_binary(text: str) -> bool:
    """Whether ``text`` holds a NUL or more control characters than text has."""
    if "\x00" in text:
        return True
    return len(_NON_TEXT.findall(text)) > _MAX_NON_TEXT_SHARE * len(text)


def _binary(path: Path) -> ArticleError:
    return ArticleError(f"{path} is a binary file, not article text.")
