"""Human documentation of the ontology, generated from its Turtle with pyLODE.

:func:`render_ontology_html` is the page the server shows at ``/ontology`` for browsers;
:func:`ontology_turtle` is what it sends to RDF clients. The page is self-contained: its
stylesheet is inline and nothing is loaded from another host (links stay links).

>>> html = render_ontology_html()
>>> "Suicide bombing" in html and "Concept schemes" in html
True
>>> external_resources(html)
[]
>>> ontology_turtle().lstrip().startswith("#")
True
"""

from __future__ import annotations

import html as _html
import importlib.metadata
import importlib.util
import re
import sys
import types
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.ontology import SHAPES, ontology_dir, ontology_files

__all__ = ["external_resources", "ontology_turtle", "render_ontology_html"]

CORE_FILE = "conflict.ttl"
NS = "https://w3id.org/conflict-kg/ontology#"

# Tags that make a browser fetch something: <script src>, <link href> (stylesheets, fonts,
# preloads), <img>/<iframe>/<source>/<embed> src, and CSS url(...) / @import.
_FETCHING_TAG = re.compile(
    r"<(?P<tag>script|link|img|iframe|source|embed|audio|video)\b[^>]*?"
    r"\b(?:src|href)\s*=\s*[\"']?(?P<url>(?:https?:)?//[^\"'\s>]+)[^>]*>",
    re.IGNORECASE,
)
_SCRIPT_BLOCK = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>.*?</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?[\"']?(?:https?:)?//[^;]*;", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*[\"']?(?:https?:)?//[^)]*\)", re.IGNORECASE)


def external_resources(html: str) -> list[str]:
    """Every URL on another host that ``html`` would make a browser load.

    Hyperlinks (``<a href>``) do not count: they load nothing until clicked.

    >>> external_resources('<script src="https://cdn.example/x.js"></script><a href="https://a.b">a</a>')
    ['https://cdn.example/x.js']
    >>> external_resources('<style>p { background: url(//img.example/a.png) }</style>')
    ['url(//img.example/a.png)']
    """
    found = [m.group("url") for m in _FETCHING_TAG.finditer(html)]
    found += [m.group(0) for m in _CSS_IMPORT.finditer(html)]
    found += [m.group(0) for m in _CSS_URL.finditer(html)]
    return found


def _strip_external(html: str) -> str:
    """``html`` without anything that would be fetched from another host.

    >>> _strip_external('<p>a</p><script src="//cdn.example/x.js"></script><p>b</p>')
    '<p>a</p><p>b</p>'
    """
    html = _SCRIPT_BLOCK.sub("", html)
    html = _FETCHING_TAG.sub("", html)
    html = _CSS_IMPORT.sub("", html)
    return _CSS_URL.sub("none", html)


def _ontpub():  # type: ignore[no-untyped-def]
    """pyLODE's ``OntPub`` class.

    pyLODE 3.4 reads its own version from a ``pyproject.toml`` that its wheel does not ship,
    so importing it fails; in that case the version module is provided from the installed
    package's metadata before the import.
    """
    if "pylode.version" not in sys.modules:
        spec = importlib.util.find_spec("pylode")
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin is not None and not (origin.parent.parent / "pyproject.toml").is_file():
            stub = types.ModuleType("pylode.version")
            stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
            sys.modules["pylode.version"] = stub
    from pylode import OntPub

    return OntPub


# ---------------------------------------------------------------- the extra sections


def _text(g: Graph, node, *props) -> str:  # type: ignore[no-untyped-def]
    """The first English (or untagged) value of the first of ``props`` that has one."""
    for p in props:
        values = [o for o in g.objects(node, p) if isinstance(o, Literal)]
        values.sort(key=lambda o: (o.language not in ("en", None), str(o)))
        if values:
            return str(values[0])
    return ""


def _curie(g: Graph, iri: URIRef) -> str:
    try:
        return g.namespace_manager.normalizeUri(iri)
    except Exception:  # pragma: no cover - rdflib raises for IRIs it cannot split
        return str(iri)


class _Linker:
    """Turns IRIs into links: to the class's box on this page, or out to the IRI."""

    def __init__(self, g: Graph, fids: dict):
        self.g, self.fids = g, fids

    def __call__(self, iri: URIRef) -> str:
        label = _text(self.g, iri, RDFS.label) or _curie(self.g, iri)
        fid = self.fids.get(iri) or self.fids.get(str(iri))
        href = f"#{fid}" if fid else str(iri)
        title = _curie(self.g, iri)
        href, title, label = (_html.escape(x) for x in (href, title, label))
        return f'<a href="{href}" title="{title}">{label}</a>'


def _table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    out = ["<table>", "<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
    out.append("</table>")
    return "\n".join(out)


def _individuals_section(g: Graph, link: _Linker) -> str:
    rows = []
    for s in sorted(set(g.subjects(RDF.type, OWL.NamedIndividual))):
        cls = [c for c in g.objects(s, RDF.type) if c != OWL.NamedIndividual]
        rows.append(
            (
                f"<code>{_html.escape(_curie(g, s))}</code>",
                ", ".join(link(c) for c in sorted(cls)),
                _html.escape(_text(g, s, RDFS.comment)),
            )
        )
    return (
        '<div class="section" id="individuals"><h2>Named individuals</h2>'
        "<p>The values of <code>ckg:locationPrecision</code> and <code>ckg:modality</code>.</p>"
        + _table(("Individual", "Class", "Meaning"), rows)
        + "</div>"
    )


def _alignments_section(g: Graph, link: _Linker) -> str:
    rows = []
    for p, how in (
        (RDFS.subClassOf, "sub-class of"),
        (RDFS.subPropertyOf, "sub-property of"),
        (SKOS.closeMatch, "close match"),
        (SKOS.exactMatch, "exact match"),
    ):
        for s, o in sorted(g.subject_objects(p)):
            if isinstance(s, URIRef) and isinstance(o, URIRef) and not str(o).startswith(NS):
                rows.append((link(s), how, f'<a href="{_html.escape(str(o))}">{_curie(g, o)}</a>'))
    return (
        '<div class="section" id="alignments"><h2>Alignments</h2>'
        "<p>How the terms relate to SEM, PROV-O, CIDOC-CRM, schema.org and Wikidata."
        " The relations are one-way (narrower or close), never equivalence.</p>"
        + _table(("Term", "Relation", "External term"), rows)
        + "</div>"
    )


def _schemes_section(g: Graph, link: _Linker) -> str:
    parts = [
        '<div class="section" id="schemes"><h2>Concept schemes</h2>'
        "<p>Categories of other event and actor datasets as SKOS concepts, mapped to the "
        "ontology's classes (<em>exact</em>: same meaning; <em>close</em>: the nearest class). "
        "Query in their terms: "
        '<code>?c skos:prefLabel "Suicide bomb"@en ; skos:exactMatch|skos:closeMatch ?cls . '
        "?cls ^rdfs:subClassOf*/^rdf:type ?event</code>.</p>"
    ]

    def rows_for(concept, depth: int):  # type: ignore[no-untyped-def]
        label = _text(g, concept, SKOS.prefLabel)
        code = _text(g, concept, SKOS.notation)
        maps = [("exact", c) for c in g.objects(concept, SKOS.exactMatch)]
        maps += [("close", c) for c in g.objects(concept, SKOS.closeMatch)]
        yield (
            _html.escape(code if code != label else ""),
            "&#160;&#160;&#160;&#160;" * depth + _html.escape(label),
            "<br>".join(f"{how}: {link(c)}" for how, c in sorted(maps)) or "&#8212;",
        )
        narrower = set(g.objects(concept, SKOS.narrower)) | set(g.subjects(SKOS.broader, concept))
        for n in sorted(narrower, key=lambda n: (_text(g, n, SKOS.notation), str(n))):
            yield from rows_for(n, depth + 1)

    for scheme in sorted(set(g.subjects(RDF.type, SKOS.ConceptScheme))):
        tops = set(g.objects(scheme, SKOS.hasTopConcept)) | set(
            g.subjects(SKOS.topConceptOf, scheme)
        )
        rows = [
            r
            for top in sorted(tops, key=lambda n: (_text(g, n, SKOS.notation), str(n)))
            for r in rows_for(top, 0)
        ]
        title = _html.escape(_text(g, scheme, SKOS.prefLabel, RDFS.label))
        parts.append(f"<h3>{title}</h3><p>{_html.escape(_text(g, scheme, RDFS.comment))}</p>")
        parts.append(_table(("Code", "Concept", "Class"), rows))
    parts.append("</div>")
    return "\n".join(parts)


_EXTRA_CSS = """
#individuals table, #alignments table, #schemes table {
  border-collapse: collapse; margin-bottom: 2em; }
#individuals td, #individuals th, #alignments td, #alignments th, #schemes td, #schemes th {
  border: 1px solid #ccc; padding: 2px 8px; text-align: left; vertical-align: top; }
"""


def _add_sections(page: str, g: Graph, fids: dict) -> str:
    """Insert the individuals, alignments and concept schemes before the namespaces."""
    link = _Linker(g, fids)
    extra = "\n".join(
        (_individuals_section(g, link), _alignments_section(g, link), _schemes_section(g, link))
    )
    marker = '<div id="namespaces">'
    if marker in page:
        page = page.replace(marker, extra + "\n" + marker, 1)
    else:  # pragma: no cover - a pyLODE that lays the page out differently
        page = page.replace("</body>", extra + "\n</body>", 1)
    toc = "".join(
        f'<li><h4><a href="#{i}">{t}</a></h4></li>'
        for i, t in (
            ("individuals", "Named individuals"),
            ("alignments", "Alignments"),
            ("schemes", "Concept schemes"),
        )
    )
    toc_marker = re.search(r'<li>\s*<h4>\s*<a href="#namespaces">', page)
    if toc_marker:
        page = page[: toc_marker.start()] + toc + page[toc_marker.start() :]
    return page.replace("</style>", _EXTRA_CSS + "</style>", 1)


# ---------------------------------------------------------------- public functions


@lru_cache(maxsize=1)
def render_ontology_html() -> str:
    """The ontology's documentation as one self-contained HTML page (computed once).

    pyLODE documents the classes and properties of ``conflict.ttl``; the page adds the named
    individuals, the alignments to other vocabularies and the SKOS concept schemes, and
    drops anything that a browser would fetch from another host.
    """
    core = Graph().parse(ontology_dir() / CORE_FILE, format="turtle")
    od = _ontpub()(core)
    page = od.make_html()
    everything = Graph()
    for prefix, ns in core.namespaces():
        everything.bind(prefix, ns)
    for f in ontology_files(include_shapes=False):
        everything.parse(f, format="turtle")
    page = _add_sections(page, everything, dict(od.fids))
    return _strip_external(page)


@lru_cache(maxsize=1)
def ontology_turtle() -> str:
    """The ontology (classes, properties and concept schemes, not the SHACL shapes) as Turtle.

    The files are given as written, comments included, one after the other; the result is
    one valid Turtle document.
    """
    parts = []
    for f in ontology_files(include_shapes=False):
        if f.name == SHAPES:  # pragma: no cover - ontology_files already leaves it out
            continue
        parts.append(f"# ---- {f.name}\n\n" + f.read_text(encoding="utf-8").strip() + "\n")
    return "\n".join(parts)
