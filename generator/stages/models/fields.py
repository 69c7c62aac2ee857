"""The building blocks of the content models: the patterns ids, addresses and dates
must match, the annotated field types (Id, Day, Text, Url...) with their validators, and
the strict base model every model extends.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from generator.stages.safety import check_markdown, check_relative_path, check_url

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL = r"^https?://\S+$"
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"
EMAIL = r"^[^@\s<>()\[\]\\,;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"


def _time_zone(value: str) -> str:
    """An IANA time zone name that this machine knows, e.g. UTC or Europe/London."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{value}' is not a time zone name like UTC or Europe/London"
                         ) from None
    return value


def _real_date(value: object) -> object:
    """Dates are written 2024-11-17; numbers are never dates."""
    if isinstance(value, (int, float, bool)):
        raise ValueError("write the date as YYYY-MM-DD, e.g. 2024-11-17")
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _partial_date(value: object) -> str:
    """A date with year, month or day precision: 2024, 2024-08 or 2024-11-17."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError("write the date as YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None
    return value


Id = Annotated[str, Field(pattern=SLUG, description="The id (file name without .yaml) "
                          "of another content file: lowercase words joined by hyphens.")]
# Real dates only, for editors (JSON Schema's "format": "date" lets 2024-11-31 pass):
# each month's days, and 29 February in leap years.
_MONTH_DAY = (r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]"
              r"|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))")
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
REAL_DATE = rf"^(?:\d{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
PARTIAL_DATE = rf"^(?:\d{{4}}(?:-(?:0[1-9]|1[0-2]))?|\d{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
Day = Annotated[dt.date, BeforeValidator(_real_date), Field(json_schema_extra={
    "pattern": REAL_DATE,
    "patternErrorMessage": "not a real date: write YYYY-MM-DD, e.g. 2024-11-17"})]
PartialDate = Annotated[str, BeforeValidator(_partial_date), Field(json_schema_extra={
    "pattern": PARTIAL_DATE,
    "patternErrorMessage": "not a real date: write YYYY, YYYY-MM or YYYY-MM-DD"})]
Markdown = Annotated[str, AfterValidator(check_markdown)]
Text = Annotated[str, Field(min_length=1), AfterValidator(check_markdown)]
Url = Annotated[str, Field(pattern=URL), AfterValidator(check_url)]
RelativePath = Annotated[str, AfterValidator(check_relative_path)]
Email = Annotated[str, Field(pattern=EMAIL)]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
SHORT = 140
"""The longest "In short" bullet, in characters: two lines on a phone."""
Short = Annotated[str, Field(min_length=1, max_length=SHORT), AfterValidator(check_markdown)]


def empty() -> Any:
    """An empty list as a field's default, `[]` in the JSON Schema. Made afresh for each
    model by `list`: a `[]` default is deep-copied for each (copy.deepcopy, 48,000 times
    at 1,000 articles, a third of validate's time), though all give the same list."""
    return Field(default_factory=list, json_schema_extra={"default": []})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)
