"""`missive reprocess`: pages stored by an older extractor, re-processed with the current
one, end in exactly the state a fresh ingest with the current pipeline gives; overrides
survive; a second run does nothing; a run cut short is finished by the next one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from pg_fixture import fresh_database, pg_server  # noqa: F401  (fixture)
from support.corpus import write_corpus

import missive.extract
import missive.jobs.reprocess as reprocess_module
from missive import ingest, jobs
from missive.codec import to_dict
from missive.errors import NotFoundError
from missive.model import Report, Skip
from missive.settings import Limits
from missive.store import open_store

NEW = "9.9.9+test-new"
BOGUS = "bogus-old-type"
_real_extract = missive.extract.extract_reports

LETTER = (
    "Kim Jong Un sent a congratulatory message to Xi Jinping on October 1, 2023, "
    "on the occasion of the 74th anniversary of the founding of the People's Republic of China."
)
FILLER = (
    "The message wished the Chinese people further success in building their country and said that "
    "the friendship between the two neighbours would keep growing in the years to come."
)
REPLY = "Vladimir Putin sent a message of greetings to Kim Jong Un on January 1, 2022, for the new year."


def write_pages(folder: Path) -> Path:
    """A small corpus in several formats and encodings (our own sentences)."""
    write_corpus(folder / "txt", pages=9)
    (folder / "bom-utf8.txt").write_bytes(b"\xef\xbb\xbf" + f"Pyongyang -- {LETTER}\n".encode())
    (folder / "utf16.txt").write_bytes(f"Moscow -- {REPLY}\n".encode("utf-16"))
    (folder / "bom-then-cp1252.txt").write_bytes(b"\xef\xbb\xbf" + f"Caf\u00e9 news. {REPLY}\n".encode("cp1252"))
    html = (
        '<html><head><meta charset="windows-1252"><title>Greetings \u2013 world</title></head>'
        f"<body><article><p>Pyongyang \u2013 {LETTER}</p><p>The message wished the people \u201cprosperity\u201d.</p>"
        "</article></body></html>"
    )
    (folder / "legacy.html").write_bytes(html.encode("cp1252"))
    records = [
        {"url": "https://wire.example/a", "title": "Letter", "published": "2023-10-02", "html": f"<article><p>{LETTER}</p><p>{FILLER}</p></article>"},
        {"url": "https://wire.example/b", "text": "\ufeff" + REPLY},
    ]
    (folder / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def older_extract(document) -> list[Report]:
    """An 'older' extractor: it did not know Vladimir Putin, and it invented a wrong report per page."""
    real = list(_real_extract(document))
    if not real:
        return real
    invented = Report(**{**real[0].__dict__, "type": BOGUS})
    return [r for r in real if "Putin" not in r.sender.name + r.recipient.name] + [invented]


def state(store) -> dict:
    """Everything a reprocess must get right, independent of stamps and timestamps."""
    pages = sorted(sp.hash for sp in store.iter_pages())
    docs = {}
    for h in pages:
        try:
            docs[h] = to_dict(store.document(h))
        except NotFoundError:
            docs[h] = None
    return {
        "pages": pages,
        "documents": docs,
        "reports": sorted(json.dumps(to_dict(r), sort_keys=True) for r in store.iter_reports()),
        "events": sorted((e.id, tuple(sorted(r.id for r in e.reports))) for e in store.events()),
        "actors": sorted((a.name, a.actor_id or "") for a in store.actors()),
        "skips": sorted((s.source, s.stage, s.reason) for s in store.skips()),
    }


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def make_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """A factory of empty store URLs of one backend."""
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    server = request.getfixturevalue("pg_server")
    with fresh_database(server, "missive_rp_a") as a, fresh_database(server, "missive_rp_b") as b:
        urls = iter([a, b])
        yield lambda name: next(urls)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pages(tmp_path_factory.mktemp("corpus"))


def ingest_older(corpus: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(missive.extract, "extract_reports", older_extract)
        # The older pipeline stamps its own version, so the current one sees its pages as stale.
        m.setattr(jobs.pipeline, "pipeline_version", lambda: "0.0.0+older")
        with open_store(url) as store:
            jobs.ingest_paths([str(corpus)], store)


# -- rebuilding pages -------------------------------------------------------------------------


def test_stored_pages_rebuild_into_the_pages_ingest_made(corpus, tmp_path):
    pages = list(ingest.read_pages([str(corpus)]))
    assert not [p for p in pages if isinstance(p, Skip)], "the sample corpus reads without a skip"
    assert {p.encoding for p in pages} >= {"utf-8", "utf-16-le", "cp1252"}, "the encodings to rebuild are there"
    with open_store(str(tmp_path / "pages.db")) as store:
        jobs.ingest_items(pages, store, resolve=False)
        for page in pages:
            assert jobs.page_from_stored(store.page(page.hash)) == page, page.source


# -- the end-to-end contract ------------------------------------------------------------------


def test_reprocess_equals_a_fresh_ingest_and_keeps_overrides(corpus, make_url, monkeypatch):
    old_url, fresh_url = make_url("old"), make_url("fresh")
    ingest_older(corpus, old_url, monkeypatch)
    with open_store(old_url) as store:
        before = list(store.iter_reports())
        bogus = [r for r in before if r.type == BOGUS]
        real = sorted((r for r in before if r.type != BOGUS), key=lambda r: r.id)
        assert bogus and len(real) >= 2, "the older extractor must leave something to fix"
        lost = store.add_override("split", [bogus[0].id], note="wrong type")
        kept = store.add_override("merge", [real[0].id, real[1].id], note="one act")

        summary = jobs.reprocess_store(store, Limits(batch_size=4), version=NEW)
        got = state(store)
        overrides = store.overrides()

    with open_store(fresh_url) as fresh:
        jobs.ingest_paths([str(corpus)], fresh, resolve=False)
        fresh.add_override("merge", list(kept.report_ids), note="one act")
        jobs.resolve_store(fresh)
        expected = state(fresh)

    assert got == expected
    assert overrides == [lost, kept], "overrides stay stored, even one naming a vanished report"
    assert [o.id for o in summary.orphaned_overrides] == [lost.id]
    merged = [ids for _, ids in got["events"] if set(kept.report_ids) <= set(ids)]
    assert merged, "the merge override still holds after the reprocess"
    assert summary.pages == len(got["pages"])
    assert summary.removed == len(bogus)
    assert summary.reports_before == len(before) and summary.reports_after == len(got["reports"])
    assert summary.reports_after == summary.reports_before - summary.removed + summary.added
    assert summary.events == len(got["events"])


def test_a_second_reprocess_does_nothing_and_all_redoes_everything(corpus, tmp_path, monkeypatch):
    url = str(tmp_path / "store.db")
    ingest_older(corpus, url, monkeypatch)
    with open_store(url) as store:
        first = jobs.reprocess_store(store, version=NEW)
        after_first = state(store)
        second = jobs.reprocess_store(store, version=NEW)
        assert (second.pages, second.added, second.removed, second.events) == (0, 0, 0, None)
        assert state(store) == after_first
        again = jobs.reprocess_store(store, all_pages=True, version=NEW)
        assert again.pages == first.pages and (again.added, again.removed) == (0, 0)
        assert state(store) == after_first


def test_a_newer_version_reprocesses_pages_stamped_by_an_older_one(corpus, tmp_path, monkeypatch):
    url = str(tmp_path / "store.db")
    ingest_older(corpus, url, monkeypatch)
    with open_store(url) as store:
        assert jobs.reprocess_store(store, version="1.0+a").pages > 0
        assert jobs.reprocess_store(store, version="1.0+a").pages == 0
        assert jobs.reprocess_store(store, version="1.0+b").pages == len(list(store.iter_pages()))


class Killed(BaseException):
    """Stands for the process dying (not an error the runner may turn into a skip)."""


def test_a_run_cut_short_leaves_a_consistent_store_and_a_rerun_finishes(corpus, tmp_path, monkeypatch):
    url, ref_url = str(tmp_path / "store.db"), str(tmp_path / "ref.db")
    ingest_older(corpus, url, monkeypatch)
    ingest_older(corpus, ref_url, monkeypatch)
    with open_store(ref_url) as ref:
        jobs.reprocess_store(ref, version=NEW)
        expected = state(ref)

    calls = {"n": 0}
    real_process = reprocess_module.process_page

    def dies_on_the_seventh(page, limits):
        calls["n"] += 1
        if calls["n"] == 7:
            raise Killed
        return real_process(page, limits)

    with open_store(url) as store:
        total = len(list(store.iter_pages()))
        monkeypatch.setattr(reprocess_module, "process_page", dies_on_the_seventh)
        with pytest.raises(Killed):
            jobs.reprocess_store(store, Limits(batch_size=3), version=NEW)
        # Two whole batches landed, nothing of the third; every event names stored reports.
        assert len(list(store.iter_pages(stale_for=NEW))) == total - 6
        stored = {r.id for r in store.iter_reports()}
        assert all(r.id in stored for e in store.events() for r in e.reports)
        assert store.events_stale()
        monkeypatch.setattr(reprocess_module, "process_page", real_process)

        # Dying after the last batch but before the resolve: the rerun still resolves.
        def resolve_dies(store):
            raise Killed

        monkeypatch.setattr(reprocess_module, "resolve_store", resolve_dies)
        with pytest.raises(Killed):
            jobs.reprocess_store(store, Limits(batch_size=3), version=NEW)
        monkeypatch.setattr(reprocess_module, "resolve_store", jobs.resolve_store)
        assert list(store.iter_pages(stale_for=NEW)) == []

        rerun = jobs.reprocess_store(store, Limits(batch_size=3), version=NEW)
        assert rerun.pages == 0 and rerun.events is not None
        assert state(store) == expected
        assert not store.events_stale()


# -- the command ----------------------------------------------------------------------------


def run_cli(*args: str):
    from missive.cli import cli, pipeline_commands  # noqa: F401 - registers the commands

    return CliRunner().invoke(cli, list(args))


def test_the_command_summarises_and_a_second_run_says_nothing_to_do(corpus, tmp_path, monkeypatch):
    db = str(tmp_path / "cli.db")
    ingest_older(corpus, db, monkeypatch)
    with open_store(db) as store:
        bogus = next(r for r in store.iter_reports() if r.type == BOGUS)
        store.add_override("split", [bogus.id])
    first = run_cli("reprocess", "--db", db)
    assert first.exit_code == 0, first.output
    assert "pages re-processed: " in first.output and "removed " in first.output
    assert "override 1 (split) names reports no longer stored" in first.output
    second = run_cli("reprocess", "--db", db)
    assert second.exit_code == 0
    assert "nothing to re-process" in second.output and "events: unchanged" in second.output


def test_the_command_exits_6_when_a_page_is_skipped(corpus, tmp_path, monkeypatch):
    db = str(tmp_path / "cli.db")
    ingest_older(corpus, db, monkeypatch)

    def fails_on_legacy_html(document):
        if document.source.endswith("legacy.html"):
            raise ValueError("the newer extractor trips on this page")
        return _real_extract(document)

    monkeypatch.setattr(missive.extract, "extract_reports", fails_on_legacy_html)
    result = run_cli("reprocess", "--db", db, "--all")
    assert result.exit_code == 6, result.output
    assert "legacy.html [extract]: internal error in extract: ValueError" in result.output
