"""Reference-date detection from article headers, in header styles other than the seeds'."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.normalise.refdate import detect_published


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Updated: 2021-07-04 08:00\nShares fell.", "2021-07-04"),
        ("Posted on March 3, 2022 by staff\nText.", "2022-03-03"),
        ("Published 14 February 2019\nText.", "2019-02-14"),
        ("Date: 2018/12/01\nText.", "2018-12-01"),
        ("Friday, 5 May 2023\nMarkets rallied.", "2023-05-05"),
        ("2024-01-09T10:15:00Z\nBody.", "2024-01-09"),
        ("TOKYO, Feb. 14, 2024 -- Toyota said...", "2024-02-14"),
        ("NEW YORK, March 8, 2020 (AP) — Stocks fell.", "2020-03-08"),
        ("By Jane Roe | Published: Sept. 9, 2021 | 3 min read\nText", "2021-09-09"),
    ],
)
def test_header_styles(header, expected):
    assert detect_published(header) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    "header",
    [
        "(Yicai) July 30 -- Sales rose.",
        "SHANGHAI, Nov. 3 (Reuters) - Shares fell.",
        "The company was founded on March 3, 2001, in a garage in Shenzhen and grew fast.\n" * 3,
        "",
        "Published: soon",
    ],
)
def test_unresolved_headers(header):
    assert detect_published(header) is None
