"""Names written as an English word ("IS" of "IS fighters"): the norm the model reads them by.

The small English model reads "IS" as the verb wherever it stands, and parses "killed in IS
attacks" around it. Its features include each token's norm, so a component that runs before
the model sets the name's norm where the words around it say a name stands there (the
language pack's ``norm_exceptions``): after one of the pack's ``norm_exception_contexts``
(a preposition, a determiner, a verb of saying: "in IS attacks", "the IS", "police said IS
..."), before one of its ``norm_exception_followers`` ("IS militants", "IS was behind it") or
at a sentence's start ("IS claimed the attack"), and not in a line written in capitals ("THE
ATTACK IS BELIEVED ...").

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("ckg_name_norms")
>>> [t.norm_ for t in nlp("killed in IS attacks")]
['killed', 'in', 'isis', 'attacks']
>>> [t.norm_ for t in nlp("The bombing IS thought to have killed 15")][2]
'is'
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.doctext import doc_tokens


@Language.component("ckg_name_norms")
def name_norms(doc: Doc) -> Doc:
    """Set the norm of a name written as an English word where the context says a name
    stands there (see the module); every other token keeps its own."""
    from kg.extract.lang import language_pack

    pack = language_pack(doc.lang_)
    names = pack.optional_table("norm_exceptions")
    if not names:
        return doc
    before = pack.optional_words("norm_exception_contexts")
    after = pack.optional_words("norm_exception_followers")
    for tok in doc_tokens(doc):
        norm = names.get(tok.text)
        if norm is None:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_alpha and nxt.is_upper:
            continue  # a line in capitals: "THE ATTACK IS BELIEVED TO ..."
        if (
            prev is None
            or not prev.is_alpha
            or prev.lower_ in before
            or (nxt is not None and nxt.lower_ in after)
        ):
            tok.norm_ = norm
    return doc
