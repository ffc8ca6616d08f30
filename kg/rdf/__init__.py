"""The RDF layer: extraction records in, triples out (``mapping``), IRIs (``iri``)."""
