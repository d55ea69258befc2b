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
    """Each readout's coverage and first report, the sentences they share, then what each has that others lack."""
    outlets = {v.report_id: v.outlet for v in cmp.versions}
    times = {v.report_id: v.published_time for v in cmp.versions}
    lines = [f"event {cmp.event_id}: {len(cmp.versions)} readout(s)", ""]
    for v in cmp.versions:
        when = f"{v.published or '?'}{' ' + v.published_time if v.published_time else ''}"
        lines.append(
            f"{v.outlet} ({v.language}), {v.doc}, published {when}: {v.coverage}, "
            f"{len(v.sentences)} sentence(s) about the event ({v.share:.0%} of the page)"
        )
    if cmp.first_reports:
        lines += ["", "first report per outlet:"]
        order = sorted(cmp.first_reports.items(), key=lambda kv: (kv[1][0], times.get(kv[1][1]) or "99:99", kv[0]))
        for outlet, (date, rid) in order:
            lines.append(f"  {date}{' ' + times[rid] if times.get(rid) else ''}  {outlet}  ({rid})")
    if cmp.field_differences:
        lines += ["", "fields that differ:", *_values(cmp.field_differences)]
    if cmp.alignments:
        lines += ["", "said by both (aligned sentences, word overlap %):"]
        for al in cmp.alignments:
            lines += [f"  [{al.score:.0f}] {outlets.get(al.a, al.a)}: {al.a_sentence}",
                      f"       {outlets.get(al.b, al.b)}: {al.b_sentence}"]
    if cmp.cue_differences:
        lines += ["", "set phrases one version has and another lacks:"]
        for cue in cmp.cue_differences:
            have = ", ".join(outlets.get(r, r) for r in cue.present)
            lack = ", ".join(outlets.get(r, r) for r in cue.absent)
            lines.append(f"  {cue.cue}: in {have}; not in {lack}")
    for add in cmp.additions:
        if not add.sentences and not add.phrases:
            continue
        lines += ["", f"only in {add.outlet} ({add.report_id}):"]
        lines += [f"  + {s}" for s in add.sentences]
        lines += [f"  phrase: {p}" for p in add.phrases]
    if cmp.missing_documents:
        lines += ["", f"pages not available for comparison: {', '.join(cmp.missing_documents)}"]
    return "\n".join(lines)
