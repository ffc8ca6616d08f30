"""Developer tools: code generators that keep derived files in step with the ontology."""
