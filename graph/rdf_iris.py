"""The IRIs of an export, as plain strings: papers, entities, results, mentions, web pages.

Every node has a stable IRI under a configurable base, so two exports of one store are equal
and an export diffs cleanly against the last: `{base}paper/{id}`, `{base}entity/{id}` and
`{base}result/{hash}` (no blank nodes); a link's evidence is a fragment of its paper's IRI
(`{base}paper/{id}#abstract-12-18-ffhq`), so dereferencing a paper finds it. The id is the
one GraphQL serves, kept readable: "/" and "+" stay as they are ("paper/hep-th/9901001",
"entity/c++"), anything an IRI path may not hold is percent-encoded, and `id_from_iri` reads
it back. Strings, not rdflib terms: the streamed writers make millions of them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .errors import PaperkgError
from .records import ARXIV_ID, Mention, Result

DEFAULT_BASE = "http://127.0.0.1:8000/"  # where `paperkg serve` listens
ARXIV_ABS = "https://arxiv.org/abs/"

_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST = re.compile(r"^[A-Za-z0-9.\-:@\[\]]+$")
_IRI_SAFE = "/%:@!$&'()*+,;=~"


@functools.lru_cache(maxsize=16)  # called for every IRI of an export
def check_base(base: str) -> str:
    """The base IRI, ending in "/" or "#"; raises PaperkgError when it is not absolute."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or not _HOST.match(parts.netloc) \
            or any(c in base for c in ' <>"{}|\\^`'):
        raise PaperkgError(
            f"base IRI {base!r} is not an absolute http(s) IRI; pass one such as {DEFAULT_BASE!r}"
        )
    return base if base.endswith(("/", "#")) else base + "/"


@functools.lru_cache(maxsize=200_000)  # an entity's id is written once per link to it
def segment(node_id: str) -> str:
    """An id as an IRI path, "/" kept between segments, "." and ".." escaped."""
    parts = [quote(part, safe="+") for part in node_id.split("/")]
    return "/".join("%2E" * len(p) if p in (".", "..") else p for p in parts)


def paper_iri(base: str, paper_id: str) -> str:
    """`{base}paper/{id}` ("http://127.0.0.1:8000/paper/2407.10817"); `base` already checked."""
    return f"{base}paper/{segment(paper_id)}"


def entity_iri(base: str, entity_id: str) -> str:
    """`{base}entity/{id}` ("http://127.0.0.1:8000/entity/c++"); `base` already checked."""
    return f"{base}entity/{segment(entity_id)}"


def result_iri(base: str, result: Result) -> str:
    """The IRI of a result: a hash of its paper, span, entity, metric and value.

    The entity, metric and value are part of the hash so that two results read from one
    span ("93% on X and Y") stay two nodes.
    """
    key = "\x1f".join(map(str, (result.paper_id, result.field, result.start, result.end,
                                result.entity_id, result.metric, repr(float(result.value)))))
    return f"{base}result/{hashlib.sha256(key.encode()).hexdigest()[:20]}"


def mention_iri(paper: str, mention: Mention) -> str:
    """A fragment of the paper's IRI naming one mention: `#{field}-{start}-{end}-{entity}`."""
    return f"{paper}#{mention.field}-{mention.start}-{mention.end}-{_fragment(mention.entity_id)}"


@functools.lru_cache(maxsize=200_000)
def _fragment(entity_id: str) -> str:
    return quote(entity_id, safe="+")


def id_from_iri(base: str, kind: str, iri: str) -> str | None:
    """The id in a `{base}{kind}/{id}` IRI, or None when `iri` is not one."""
    prefix = f"{check_base(base)}{kind}/"
    if not iri.startswith(prefix) or "#" in iri:
        return None
    return unquote(iri[len(prefix):])


def web_iri(url: str) -> str | None:
    """An http(s) address as an IRI, forbidden characters percent-encoded; None if not one."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.netloc or " "):
        return None
    path, query, fragment = (quote(_BAD_PERCENT.sub("%25", p), safe=_IRI_SAFE + extra)
                             for p, extra in ((parts.path, ""), (parts.query, "?"),
                                              (parts.fragment, "?")))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, fragment))


def arxiv_iri(arxiv_id: str) -> str:
    """The abstract page of an arXiv id, without its version ("2407.10817v2" -> .../2407.10817)."""
    match = ARXIV_ID.match(arxiv_id.strip())
    return ARXIV_ABS + (match.group(1) if match else quote(arxiv_id.strip(), safe="/"))
