"""Views for people: pyvis graph views (``kg viz``) and the pages of ``kg serve``.

- :mod:`kg.views.graphs`: whole graph, ego network, event and its claims, path,
  community, each a :class:`~kg.views.graphs.View` built from :mod:`kg.analysis`;
- :mod:`kg.views.render`: self-contained, offline HTML (vis-network inlined from pyvis'
  package; Jinja2 with autoescape; a CSP that forbids any network access);
- :mod:`kg.views.web`: the web app's ``router(ctx)`` (search, actor, event, SPARQL pages).
"""
