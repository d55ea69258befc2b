"""Small synthetic corpora written for the tests: pages built from templates.

The sentences are the team's own; senders are real heads of state so that the
actor registry resolves them, while dates and occasions vary per page.
"""

from __future__ import annotations

import random
from pathlib import Path

SENDERS = [
    ("Vladimir Putin", "President of the Russian Federation"),
    ("Xi Jinping", "President of the People's Republic of China"),
    ("Alexander Lukashenko", "President of the Republic of Belarus"),
    ("Miguel Diaz-Canel", "President of the Republic of Cuba"),
    ("Bashar al-Assad", "President of the Syrian Arab Republic"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

TEMPLATE = """Home | World | Politics | Contact
{headline}
Pyongyang, {month} {day} (KCNA) -- Kim Jong Un received a congratulatory message from {sender}, {title}, on {month} {day}, {year}.
{sender} in his message extended warm wishes on the occasion of the {n}th founding anniversary of the Democratic People's Republic of Korea.
The message expressed the hope that the friendly relations between the two countries would grow stronger.
Share | Print | Email
"""

NOISE = """Weather forecast for {month} {day}
A quiet week is expected across the region, with {n} millimetres of rain in the north.
Farmers began the harvest earlier than usual this year.
"""


def write_corpus(folder: Path, pages: int = 60, seed: int = 7) -> list[Path]:
    """Write ``pages`` text pages (two thirds relevant) into ``folder``; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(pages):
        month_index = rng.randrange(12)
        year = rng.randrange(2013, 2024)
        values = {
            "month": MONTHS[month_index],
            "day": rng.randrange(1, 28),
            "year": year,
            "n": year - 1948,
            "headline": f"Message to Kim Jong Un, item {i}",
        }
        sender, title = SENDERS[rng.randrange(len(SENDERS))]
        text = (TEMPLATE if i % 3 else NOISE).format(sender=sender, title=title, **values)
        path = folder / f"page-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
