"""The rules that choose among what the finders found in a sentence.

The finders (:mod:`..places`, :mod:`..dates`, :mod:`..numbers`,
:mod:`..types`, :mod:`..actors`) list every mention of a sentence; these
modules decide which incidents it reports and give each its places, date
and toll, with what earlier sentences established:

- :mod:`.state`: what the article shares and what earlier sentences told;
- :mod:`.clauses`: the clauses of a sentence;
- :mod:`.line`: distance to the Durand Line;
- :mod:`.referents`: places pointed to without their names;
- :mod:`.tolls`: casualty tolls per place and side;
- :mod:`.when`: an event's date; :mod:`.relative_dates`: a date told
  relative to another incident;
- :mod:`.where`: an event's places; :mod:`.works`: the places of border works;
- :mod:`.coordinated`: the places listed with the one nearest the triggers;
- :mod:`.causes`: incidents told as another's cause or as "a similar" one;
- :mod:`.incidents`: the triggers grouped per incident;
- :mod:`.sentence`: :func:`sentence_events`, one sentence -> draft events.
"""

import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    """Every module of this package (for tests that check each pattern)."""
    return [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]
