"""HTML rendering: Jinja2 (autoescape on), JSON safe inside ``<script>``, offline assets.

Pages never load anything from another host. vis-network's script and stylesheet come
from the copy pyvis ships (``pyvis/templates/lib/vis-9.1.2``); :func:`standalone_html`
inlines them (with a Content-Security-Policy ``<meta>`` that allows exactly those inline
blocks by hash), and the web app serves them under ``/static``.

>>> script_json({"label": "</script><img src=x onerror=alert(1)>"})
Markup('{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}')
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from kg.views.graphs import View
from kg.views.style import svg_points

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"


def vis_dir() -> Path:
    """The folder of the vis-network build shipped inside pyvis."""
    import pyvis

    return Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"


#: Files served under /static: name -> path.
def static_files() -> dict[str, Path]:
    files = {p.name: p for p in STATIC_DIR.iterdir() if p.is_file()}
    files["vis-network.min.js"] = vis_dir() / "vis-network.min.js"
    files["vis-network.css"] = vis_dir() / "vis-network.css"
    from kg.views.maps import vendor_files  # the map's npm assets (kg/views/vendor)

    files.update(vendor_files())
    return files


@cache
def asset(name: str) -> str:
    """The text of a static asset."""
    return static_files()[name].read_text(encoding="utf-8")


def script_json(obj: Any) -> Markup:
    """``obj`` as JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&``)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return Markup(text)


def csp_hash(text: str) -> str:
    """The CSP source expression allowing one inline block."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"  # Hebrew, Arabic and their presentation forms
_RTL_RUN = re.compile(f"[{_RTL}]+(?:[ \u200c]+[{_RTL}]+)*")


def isolate_rtl(text: Any) -> Markup:
    """``text`` escaped, with each run of right-to-left script (Arabic, Hebrew) in a
    ``<bdi>`` element (Unicode bidirectional isolation, HTML's bdi): a date or number after
    a Dari place name in a label keeps its order ("... in کابل 2024-05-06", not "06-05-2024").

    >>> str(isolate_rtl("Attack in چهار آسیاب 2024-05-06 <b>"))
    'Attack in <bdi>چهار آسیاب</bdi> 2024-05-06 &lt;b&gt;'
    """
    escaped = str(escape(str(text)))
    return Markup(_RTL_RUN.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", escaped))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["svg_points"] = svg_points
    env.filters["script_json"] = script_json
    env.filters["bidi"] = isolate_rtl
    return env


def render(template: str, **context: Any) -> str:
    """Render one of the package's templates (autoescaped)."""
    return environment().get_template(template).render(**context)


def standalone_html(view: View) -> str:
    """A self-contained HTML page for ``view``: every script and stylesheet inline, no
    reference to another host, and a CSP that forbids any network access."""
    scripts = [asset("vis-network.min.js"), asset("graph.js")]
    styles = [asset("vis-network.css"), asset("app.css")]
    csp = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src {' '.join(csp_hash(s) for s in scripts)}; "
        f"style-src {' '.join(csp_hash(s) for s in styles)}"
    )
    return render(
        "graph_file.html",
        view=view,
        data=view.payload(links=False),
        csp=csp,
        scripts=[Markup(s) for s in scripts],
        styles=[Markup(s) for s in styles],
    )


def write_html(view: View, path: str | Path) -> Path:
    """Write :func:`standalone_html` to ``path`` (folders created); returns the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(standalone_html(view), encoding="utf-8")
    return p
