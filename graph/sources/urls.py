"""Find the web addresses in an abstract and tell code links from the others.

Abstracts give addresses with a scheme ("https://github.com/wl-zhao/DC-Solver"), with
"www." only, or as a bare domain ("muse-bench.github.io"). Bare domains are only taken when
written in lower case and ending in a common top-level domain, so that "e.g.", "Node.js",
"ASP.NET" and version numbers such as "2.1" are not mistaken for addresses. Braces, brackets,
pipes and backslashes end an address: RFC 3986 does not allow them unescaped in a path, and
they are how LaTeX and Markdown wrap one ("\\href{https://...}{code}", "[url](url)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

# Common generic and country TLDs seen in paper abstracts; words that are also English
# ("in", "it", "to", "us", "me", "is") are left out to keep prose from matching.
_TLDS = (
    "com|org|net|io|ai|dev|app|edu|gov|co|info|xyz|page|site|tech|science|cc|"
    "uk|de|cn|fr|jp|ca|ch|nl|eu|kr|au|ly"
)
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'`{}|\\^\[\]]+"
    rf"|(?<![\w@./-])(?:{_LABEL}\.)+(?:{_TLDS})(?![\w-])(?:/[^\s<>\"'`{{}}|\\^\[\]]*)?",
    re.ASCII,
)
# LaTeX escapes these in comments ("Survey\\_Memory"); the address has them bare.
_LATEX_ESCAPE = re.compile(r"\\([_#%&~$])")
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "("}

# Hosts whose addresses are code (or model and data weights) rather than project pages;
# the same hosts the arXiv corpus used for its code_urls, plus two public forges.
CODE_HOSTS = (
    "github.com",
    "gitlab.com",
    "huggingface.co",
    "hf.co",
    "bitbucket.org",
    "codeberg.org",
    "gitee.com",
)


def find_urls(text: str) -> tuple[str, ...]:
    """The distinct web addresses in `text`, in order, each with a scheme.

    Example: "release our benchmark: muse-bench.github.io" -> ("https://muse-bench.github.io",).
    """
    if "\\" in text:
        text = _LATEX_ESCAPE.sub(r"\1", text)
    found: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = trim_url(match.group(0))
        if "." not in url:
            continue
        if not url.startswith(("http://", "https://")):
            url = "https://" + url
        found.setdefault(url, None)
    return tuple(found)


def trim_url(url: str) -> str:
    """Drop the punctuation that ends the sentence around an address, not the address.

    A closing bracket is kept only when the address opened it ("wiki/Foo_(bar)").
    """
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
        elif last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last]):
            url = url[:-1]
        else:
            break
    return url


def is_code_url(url: str) -> bool:
    """Whether `url` points at a code host (GitHub, GitLab, Hugging Face, Bitbucket, ...).

    A Hugging Face paper page ("huggingface.co/papers/...") is a paper, not code.
    """
    parts = urlsplit(url if "//" in url else "https://" + url)
    host = (parts.hostname or "").removeprefix("www.")
    if host in ("huggingface.co", "hf.co") and parts.path.startswith("/papers"):
        return False
    return any(host == code or host.endswith("." + code) for code in CODE_HOSTS)


def select_code_urls(urls: Iterable[str]) -> tuple[str, ...]:
    """The addresses among `urls` that point at code, in order."""
    return tuple(url for url in urls if is_code_url(url))
