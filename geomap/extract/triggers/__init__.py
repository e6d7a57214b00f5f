"""The trigger rules of :mod:`geomap.extract.types` and the cues that void them.

:func:`geomap.extract.types.find_triggers` reads these modules:

- :mod:`.violence`, :mod:`.crossings`, :mod:`.talks`, :mod:`.fortifications`:
  the trigger rules per event type, in the order they are tried
  (``(event_type, sub_event_type, weak, pattern, anchors)``);
- :mod:`.cues`: negation, denial, irrealis and the other words that make a
  trigger no incident; :mod:`.talks` holds those of talks,
  :mod:`.fortifications` those of works;
- :mod:`.mentions`: incidents only spoken of (a reopening with no date, closures
  in general, a report called baseless, a future with its condition);
- :mod:`.habits`: habits, records and states over years;
- :mod:`.windows`: the words before a trigger, cut at clause breaks;
- :mod:`.retyping`: a trigger's type read again from its sentence (strikes
  with guns are shelling, fire at posts a clash).
"""

import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    """Every module of this package (for tests that check each pattern)."""
    return [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]
