"""Career levels: what a loop expects of a junior, mid, senior or staff candidate."""

from enum import StrEnum

from pydantic import model_validator

from interviewer.domain.base import Strict


class CareerLevel(StrEnum):
    junior = "junior"
    mid = "mid"
    senior = "senior"
    staff = "staff"

    @property
    def rank(self) -> int:
        return list(CareerLevel).index(self)


DEFAULT_LEVEL = CareerLevel.mid


class LevelRange(Strict):
    """The career levels something suits, from `min` to `max` inclusive (default: all)."""

    min: CareerLevel = CareerLevel.junior
    max: CareerLevel = CareerLevel.staff

    @model_validator(mode="after")
    def _ordered(self) -> "LevelRange":
        if self.min.rank > self.max.rank:
            raise ValueError(f"min ({self.min.value}) is above max ({self.max.value})")
        return self

    def __contains__(self, level: object) -> bool:
        return isinstance(level, CareerLevel) and self.min.rank <= level.rank <= self.max.rank

    @property
    def is_all(self) -> bool:
        return self.min is CareerLevel.junior and self.max is CareerLevel.staff
