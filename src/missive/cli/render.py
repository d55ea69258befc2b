"""Plain-text renderings of an explanation and a readout comparison for the terminal."""

from __future__ import annotations

from ..resolve import Comparison, Explanation


def _values(table: dict[str, dict[str, tuple[str, ...]]]) -> list[str]:
    lines = []
    for field_name, values in sorted(table.items()):
        lines.append(f"  {field_name}:")
        for value, ids in sorted(values.items()):
            lines.append(f"    {value!s:30} <- {', '.join(ids)}")
    return lines


def format_explanation(ex: Explanation) -> str:
    """Which reports make the event, why each pair matched, and where they disagree."""
    lines = [f"event {ex.event_id}: {len(ex.reports)} report(s) from {ex.independent_pages} independent page(s)", ""]
    lines.append("reports:")
    for r in ex.reports:
        dup = "  [near-duplicate page]" if r.near_duplicate else ""
        lines.append(
            f"  {r.id}  {r.doc}  {r.outlet or '?'} ({r.language})  {r.type}  {r.date or '?'} ({r.date_basis})"
            f"  {r.occasion}{'  reply' if r.reply else ''}{dup}"
        )
    if ex.pairs:
        lines += ["", "why merged:"]
        for p in ex.pairs:
            how = ", ".join(p.rules) if p.compatible else "analyst override"
            lines.append(f"  {p.a} ~ {p.b}: {how}")
    if ex.disagreements:
        lines += ["", "where they disagree:", *_values(ex.disagreements)]
    return "\n".join(lines)


def format_comparison(cmp: Comparison) -> str:
    """Each readout's coverage and first report, then what each has that the others lack."""
    lines = [f"event {cmp.event_id}: {len(cmp.versions)} readout(s)", ""]
    for v in cmp.versions:
        lines.append(
            f"{v.outlet} ({v.language}), {v.doc}, published {v.published or '?'}: {v.coverage}, "
            f"{len(v.sentences)} sentence(s) about the event ({v.share:.0%} of the page)"
        )
    if cmp.first_reports:
        lines += ["", "first report per outlet:"]
        for outlet, (date, rid) in sorted(cmp.first_reports.items(), key=lambda kv: kv[1]):
            lines.append(f"  {date}  {outlet}  ({rid})")
    if cmp.field_differences:
        lines += ["", "fields that differ:", *_values(cmp.field_differences)]
    for add in cmp.additions:
        if not add.sentences and not add.phrases:
            continue
        lines += ["", f"only in {add.outlet} ({add.report_id}):"]
        lines += [f"  + {s}" for s in add.sentences]
        lines += [f"  phrase: {p}" for p in add.phrases]
    if cmp.missing_documents:
        lines += ["", f"pages not available for comparison: {', '.join(cmp.missing_documents)}"]
    return "\n".join(lines)
