"""What an import reports: its problems, counts, and the exception that rejects it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: record {self.record}: {self.field}: {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)


class ImportRejected(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__(f"{report.rejected} record(s) rejected; nothing was imported")
        self.report = report


def file_problem(name: str, message: str) -> ImportRejected:
    return ImportRejected(ImportReport(rejected=1, problems=[Problem(name, "-", "file", message)]))
