"""Exception tree of geomap.

Every error geomap raises on purpose derives from :class:`GeomapError`; the
leaves also inherit a builtin so callers can catch them the ordinary way
(the design of ``geopy.exc``)::

    GeomapError
    ├── InputError (ValueError)            bad user input in general
    │   ├── SchemaError                    a CSV row/column breaks the schema
    │   ├── ArticleError                   an article cannot be read/parsed
    │   └── FrontMatterError               broken YAML front matter
    ├── GeocoderError
    │   ├── PlaceNotFound (LookupError)    no backend knows the name
    │   ├── GeocoderServiceError           an online backend failed
    │   │   ├── GeocoderTimedOut (TimeoutError)
    │   │   ├── GeocoderRateLimited
    │   │   └── GeocoderUnavailable (ConnectionError)
    │   └── OfflineViolation (PermissionError)  network use without --online
    └── BuildError (RuntimeError)          the build cannot be trusted (--strict)
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error raised by geomap on purpose."""


class InputError(GeomapError, ValueError):
    """Bad input; carries the location of the problem when known.

    Parameters
    ----------
    reason : str
        What is wrong, naming the bad value and the allowed ones.
    file, line, column : optional
        Where the problem is. ``line`` counts from 1 and includes the header.
    """

    def __init__(self, reason: str, file: str | None = None, line: int | None = None, column: str | None = None):
        self.reason = reason
        self.file = None if file is None else str(file)
        self.line = line
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
            if self.column:
                where += f" [{self.column}]"
            where += ": "
        elif self.column:
            where = f"[{self.column}] "
        return where + self.reason


class SchemaError(InputError):
    """A row or column of an events/sources CSV breaks the schema."""


class ArticleError(InputError):
    """An article cannot be read (encoding, binary, empty, size)."""


class FrontMatterError(ArticleError):
    """The YAML front matter of an article is broken."""


class GeocoderError(GeomapError):
    """Base of the geocoding errors."""


class PlaceNotFound(GeocoderError, LookupError):
    """No geocoder in the chain knows the name."""


class GeocoderServiceError(GeocoderError):
    """An online geocoding service failed."""


class GeocoderTimedOut(GeocoderServiceError, TimeoutError):
    """The online service did not answer in time."""


class GeocoderRateLimited(GeocoderServiceError):
    """The online service refused for too many requests."""


class GeocoderUnavailable(GeocoderServiceError, ConnectionError):
    """The online service cannot be reached."""


class OfflineViolation(GeocoderError, PermissionError):
    """Network use was attempted while geomap runs offline."""


class BuildError(GeomapError, RuntimeError):
    """The build cannot be trusted (raised in --strict mode)."""


class AcceptError(GeomapError, RuntimeError):
    """``geomap accept`` could not write the curated dataset; says what was written."""
