"""Pack the example corpus's single pages into one WARC archive, to show `missive ingest` on WARC.

Every .txt/.html page of examples/corpus becomes a `response` record whose URL
ends in the page's own file name, so the evaluation contract (a WARC page is
named by the last path segment of its URL) maps each record to the same gold
file in examples/gold. JSONL dumps are left out (their records already have
URLs). The archive is byte-for-byte reproducible: fixed fetch date, record ids
derived from the file names.

    python examples/make_archive.py                 # -> examples/corpus.warc.gz
    python examples/make_archive.py -o /tmp/x.warc.gz
"""

from __future__ import annotations

import argparse
import re
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
#: When the imaginary crawler fetched the pages: a fetch time, never a publication date.
FETCHED = "2026-03-01T00:00:00Z"
HOST = "https://crawl.example"
_CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def content_type(path: Path, raw: bytes) -> str:
    """HTTP Content-Type for a page: HTML keeps the charset its <meta> declares."""
    if path.suffix == ".html":
        found = _CHARSET.search(raw[:2048])
        charset = found.group(1).decode("ascii") if found else "utf-8"
        return f"text/html; charset={charset}"
    return "text/plain; charset=utf-8"


def pages(corpus: Path = CORPUS) -> list[Path]:
    """The single-page files of the corpus, sorted so the archive is deterministic."""
    return sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))


def write_archive(out: Path, corpus: Path = CORPUS) -> int:
    """Write every single page of `corpus` into the gzipped WARC `out`; return the record count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for path in pages(corpus):
            raw = path.read_bytes()
            url = f"{HOST}/{path.stem.split('-', 1)[0]}/{path.name}"
            http = StatusAndHeaders(
                "200 OK",
                [("Content-Type", content_type(path, raw)), ("Content-Length", str(len(raw)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(raw),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": FETCHED,
                    "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>",
                },
            )
            writer.write_record(record)
            count += 1
    return count


def main() -> None:
    """Command line: build the archive and say where it went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=HERE / "corpus.warc.gz")
    args = parser.parse_args()
    count = write_archive(args.output)
    print(f"wrote {count} records to {args.output}")


if __name__ == "__main__":
    main()
