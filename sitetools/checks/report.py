"""Gate results and the report printed at the end of `invoke check`."""

from __future__ import annotations

from dataclasses import dataclass, field

PASS, FAIL, SKIPPED = "PASS", "FAIL", "SKIPPED"


@dataclass
class GateResult:
    """What one gate found: failures name the page and what is wrong."""

    name: str
    checked: int = 0
    unit: str = "pages"
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False

    @property
    def status(self) -> str:
        if self.failures:
            return FAIL
        return SKIPPED if self.skipped else PASS

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def summary(self) -> str:
        found = f", {len(self.failures)} failure{'s' if len(self.failures) != 1 else ''}" if self.failures else ""
        return f"{self.name:<16} {self.status:<7} {self.checked} {self.unit} checked{found}"


def render(results: list[GateResult], seconds: float | None = None) -> str:
    """Failures grouped by gate, then one line per gate and a total."""
    lines: list[str] = []
    for result in results:
        if result.failures or result.notes:
            lines.append(f"== {result.name}")
            lines.extend(f"  FAIL {failure}" for failure in result.failures)
            lines.extend(f"  note {note}" for note in result.notes)
    lines.append("")
    lines.extend(result.summary() for result in results)
    failed = [r for r in results if r.status == FAIL]
    failures = sum(len(r.failures) for r in results)
    timing = f" in {seconds:.1f} s" if seconds is not None else ""
    verdict = "FAIL" if failed else "PASS"
    lines.append(f"TOTAL {verdict}: {len(results) - len(failed)}/{len(results)} gates passed, "
                 f"{failures} failure{'s' if failures != 1 else ''}{timing}")
    return "\n".join(lines)


def passed(results: list[GateResult]) -> bool:
    return all(result.status != FAIL for result in results)
