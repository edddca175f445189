"""NMEA 0183: sentence framing and decoding, epochs into fixes, log files, and the shared corpus."""

from __future__ import annotations

import io
import itertools
import math
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.gps import nmea
from fieldkit.gps.collect import Collector
from fieldkit.gps.gpx import Cancelled
from fieldkit.gps.nmea import (
    GGA,
    GSA,
    KNOT,
    RMC,
    VTG,
    ZDA,
    FixAssembler,
    NmeaError,
    Verdict,
    checksum,
    inspect_sentence,
    looks_like_nmea,
    parse_sentence,
    read_nmea,
    split_sentences,
)

CORPUS = Path(os.environ.get("FIELDKIT_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus"))
NMEA_LOGS = sorted(p for p in (CORPUS / "nmea").glob("*/*") if p.is_file()) if (CORPUS / "nmea").is_dir() else []


def s(body: str, talker_start: str = "$") -> str:
    """A sentence with the right checksum for ``body`` (the text between ``$`` and ``*``)."""
    return f"{talker_start}{body}*{checksum(body):02X}"


def ts(when: str) -> float:
    return datetime.fromisoformat(when).replace(tzinfo=UTC).timestamp()


def log(*lines: str) -> io.BytesIO:
    return io.BytesIO(("\r\n".join(lines) + "\r\n").encode("ascii"))


def gga(t: str, lat: str = "4807.038,N", lon: str = "01131.000,E", q: int = 1, sats: int = 8, hdop: str = "0.9"):
    return s(f"GPGGA,{t},{lat},{lon},{q},{sats:02d},{hdop},545.4,M,46.9,M,,")


def rmc(t: str, d: str = "230394", lat: str = "4807.038,N", lon: str = "01131.000,E", status: str = "A"):
    return s(f"GPRMC,{t},{status},{lat},{lon},022.4,084.4,{d},003.1,W")


# -- framing ------------------------------------------------------------------------------------------


def test_checksum_of_the_textbook_sentence():
    assert checksum("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,") == 0x47


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47", Verdict.OK),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*48", Verdict.BAD_CHECKSUM),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", Verdict.BAD_CHECKSUM),
        ("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4", Verdict.BAD_CHECKSUM),
        ("$GNVTG,,T,,M,0.145,N,0.269,K,A*3)", Verdict.BAD_CHECKSUM),
        ("$GNRMC,,V,,,,,,,,,,N,V*37", Verdict.OK),
        ("$GNRMC,,V,,,,,,,,,,N,V*37   \r\n", Verdict.OK),
        ("\x00\x00$GNRMC,,V,,,,,,,,,,N,V*37\x00", Verdict.OK),
        ("$GPRMC,103607.00,A,5327.03942,N,10214.42462,W,0.046,,060321,,,A,V*0e".replace("GP", "GN"), Verdict.OK),
        (s("GPGSV,1,1,00"), Verdict.UNSUPPORTED),
        (s("GPTXT,01,01,02,u-blox"), Verdict.UNSUPPORTED),
        (s("PGRME,2.3,M,3.3,M,4.0,M"), Verdict.UNSUPPORTED),
        (s("PQTMCFGRTKSRCTYPE,W,1"), Verdict.UNSUPPORTED),
        (s("GNGGAH,073346.00,,,,,1,28,0.6,64.2,M,8.4,M,,"), Verdict.UNSUPPORTED),
        (s("AIVDM,1,1,,A,13aEOK?P00PD2wVMdLDRhgvL289?,0", "!"), Verdict.UNSUPPORTED),
        (s("&bTXT,01,01,02,LLC"), Verdict.MALFORMED),
        (s("gpgga,123519,,,,,0,00,,,,,,,"), Verdict.MALFORMED),
        (s("GPGGA," + "1" * 300), Verdict.MALFORMED),
        (s("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,") + "é", Verdict.MALFORMED),
        ("************ program startup 16:40:33 09-25-2005 ************", Verdict.GARBAGE),
        ("", Verdict.GARBAGE),
        ("$", Verdict.BAD_CHECKSUM),
        ("$*00", Verdict.MALFORMED),
    ],
)
def test_framing_verdicts(text, verdict):
    assert inspect_sentence(text)[0] is verdict


def test_lower_case_hex_checksum_is_accepted():
    body = "GNZDA,103607.00,06,03,2021,00,00"
    assert inspect_sentence(f"${body}*{checksum(body):02x}")[0] is Verdict.OK


@pytest.mark.parametrize("talker", ["GP", "GN", "GL", "GA", "GB", "BD", "QZ", "GQ", "GI"])
def test_any_talker(talker):
    sentence = parse_sentence(s(f"{talker}GGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"))
    assert isinstance(sentence, GGA) and sentence.talker == talker


def test_split_sentences_finds_sentences_after_garbage_and_run_together():
    a, b = gga("123519"), rmc("123519")
    before, found = split_sentences("\x01\xb5b\x07junk" + a + b)
    assert before == "\x01\xb5b\x07junk"
    assert found == [a, b]
    assert split_sentences("no sentence here") == ("no sentence here", [])


def test_parse_sentence_skips_leading_garbage_and_returns_none_for_bad():
    assert isinstance(parse_sentence("garbage" + gga("123519")), GGA)
    assert parse_sentence(gga("123519")[:-1] + "0") is None or parse_sentence(gga("123519")[:-1] + "1") is None
    assert parse_sentence("hello") is None
    assert parse_sentence(s("GPGSV,1,1,00")) is None


# -- sentence types -----------------------------------------------------------------------------------


def test_gga_textbook():
    g = parse_sentence("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47")
    assert isinstance(g, GGA)
    assert g.time == 12 * 3600 + 35 * 60 + 19
    assert g.lat == pytest.approx(48 + 7.038 / 60)
    assert g.lon == pytest.approx(11 + 31 / 60)
    assert (g.quality, g.sats, g.hdop, g.altitude, g.geoid_separation) == (1, 8, 0.9, 545.4, 46.9)


def test_southern_and_western_hemispheres():
    g = parse_sentence(gga("000001.50", lat="3345.1230,S", lon="07020.4560,W", q=2))
    assert g.lat == pytest.approx(-(33 + 45.123 / 60))
    assert g.lon == pytest.approx(-(70 + 20.456 / 60))
    assert g.time == 1.5 and g.quality == 2
    # Pakistan: north and east, three-digit longitude degrees
    g = parse_sentence(gga("053000", lat="3043.5120,N", lon="07008.2580,E"))
    assert g.lat == pytest.approx(30 + 43.512 / 60) and g.lon == pytest.approx(70 + 8.258 / 60)


def test_high_precision_coordinates_keep_their_digits():
    g = parse_sentence(s("GNGGA,130058.00,5327.03598945,N,00214.41467156,W,1,08,7.5,36.3017,M,51.6775,M,,"))
    assert g.lat == pytest.approx(53 + 27.03598945 / 60, abs=1e-12)
    assert g.lon == pytest.approx(-(2 + 14.41467156 / 60), abs=1e-12)


def test_gga_with_empty_fields():
    g = parse_sentence("$GNGGA,,,,,,0,00,99.99,,,,,,*56")
    assert isinstance(g, GGA)
    assert math.isnan(g.time) and math.isnan(g.lat) and math.isnan(g.lon) and math.isnan(g.altitude)
    assert (g.quality, g.sats, g.hdop) == (0, 0, 99.99)
    g = parse_sentence(s("GPGGA,123519,,,,,,,,,,,,,"))
    assert (g.quality, g.sats) == (-1, -1) and math.isnan(g.hdop)


def test_gga_truncated_after_quality_is_tolerated():
    g = parse_sentence(s("GPGGA,123519,4807.038,N,01131.000,E,1"))
    assert g.quality == 1 and g.sats == -1 and math.isnan(g.altitude)


def test_rmc_textbook_and_mode():
    r = parse_sentence("$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A")
    assert isinstance(r, RMC)
    assert (r.status, r.date, r.mode) == ("A", date(1994, 3, 23), None)
    assert r.speed == pytest.approx(22.4 * 1852 / 3600) and r.course == 84.4
    r = parse_sentence("$GNRMC,103607.00,A,5327.03942,N,00214.42462,W,0.046,,060321,,,A,V*0F")
    assert (r.date, r.mode, r.time) == (date(2021, 3, 6), "A", 10 * 3600 + 36 * 60 + 7.0)
    assert math.isnan(r.course) and r.speed == pytest.approx(0.046 * KNOT)


def test_rmc_void_with_empty_fields():
    r = parse_sentence("$GNRMC,,V,,,,,,,,,,N,V*37")
    assert r.status == "V" and r.mode == "N" and r.date is None and math.isnan(r.lat) and math.isnan(r.speed)


def test_gsa():
    g = parse_sentence("$GPGSA,A,3,04,07,08,09,11,24,26,27,28,29,,,1.5,0.8,1.3*38")
    assert isinstance(g, GSA)
    assert (g.mode, g.fix_type, g.sats_used, g.pdop, g.hdop, g.vdop) == ("A", 3, 10, 1.5, 0.8, 1.3)
    g = parse_sentence("$GNGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99,1*33")
    assert (g.fix_type, g.sats_used, g.pdop) == (1, 0, 99.99)


def test_vtg_new_and_old_forms():
    v = parse_sentence("$GNVTG,322.68,T,310.66,M,0.03,N,0.05,K,D*31")
    assert isinstance(v, VTG)
    assert v.course == 322.68 and v.speed == pytest.approx(0.05 / 3.6) and v.mode == "D"
    v = parse_sentence("$GPVTG,,T,,M,0.273,N,0.506,K,A*26")
    assert math.isnan(v.course) and v.speed == pytest.approx(0.506 / 3.6)
    v = parse_sentence(s("GPVTG,054.7,034.4,005.5,010.2"))  # NMEA 1.x: no unit letters
    assert v.course == 54.7 and v.speed == pytest.approx(10.2 / 3.6)
    v = parse_sentence(s("GPVTG,054.7,T,034.4,M,005.5,N,,K"))  # km/h missing: knots
    assert v.speed == pytest.approx(5.5 * KNOT)


def test_zda():
    z = parse_sentence("$GNZDA,235647.05,20,12,2017,00,00*79")
    assert isinstance(z, ZDA) and z.date == date(2017, 12, 20) and z.time == pytest.approx(86207.05)


@pytest.mark.parametrize(
    "body",
    [
        "GPGGA,123519,4860.000,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,",  # 60 minutes
        "GPGGA,123519,9100.000,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,",  # beyond the pole
        "GPGGA,123519,4807.038,X,01131.000,E,1,08,0.9,545.4,M,46.9,M,,",  # hemisphere
        "GPGGA,123519,4807.038,,01131.000,E,1,08,0.9,545.4,M,46.9,M,,",  # no hemisphere
        "GPGGA,123519,4807.038,N,,,1,08,0.9,545.4,M,46.9,M,,",  # half a position
        "GPGGA,123519,4807.038,N,-1131.000,W,1,08,0.9,545.4,M,46.9,M,,",  # signed coordinate
        "GPGGA,253519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,",  # 25 o'clock
        "GPGGA,123519,4807.038,N,01131.000,E,X,08,0.9,545.4,M,46.9,M,,",  # quality
        "GPGGA,123519,4807.038,N,01131.000,E,1,08,nan,545.4,M,46.9,M,,",  # not a number we accept
        "GPGGA,123519,4807.038,N,01131.000,E,1,08,inf,545.4,M,46.9,M,,",
        "GNRMC,121614.00,A,5327.04173,N,00214.41443,W,X.138,,200122,,,A,V",  # from pynmeagps-nmeafoo2
        "GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,310299,003.1,W",  # 31 February
        "GPRMC,123519,Q,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W",  # status
        "GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W,AB",  # mode
        "GNZDA,103607.00,06,03,21,00,00",  # two-digit year in ZDA
    ],
)
def test_unreadable_fields_make_the_sentence_malformed(body):
    assert inspect_sentence(s(body))[0] is Verdict.MALFORMED


def test_hemisphere_kept_without_a_value_is_no_position():
    g = parse_sentence(s("GPGGA,123519,,N,,E,0,00,,,,,,,"))
    assert math.isnan(g.lat) and math.isnan(g.lon)


# -- epochs into fixes --------------------------------------------------------------------------------


def assemble(*lines: str, default_date=None):
    a = FixAssembler(default_date)
    fixes = [f for line in lines for f in a.feed_line(line)]
    last = a.finish()
    return [*fixes, *([last] if last else [])], a


def test_rmc_first_epoch_order_garmin():
    fixes, a = assemble(
        rmc("235234", "250905"),
        s("GPRMB,A,,,,,,,,,,,,A,A"),
        gga("235234", hdop="0.8"),
        s("GPGSA,A,3,04,07,08,,,,,,,,,,1.5,0.8,1.3"),
        s("GPGSV,3,1,12,04,16,162,46"),
        rmc("235236", "250905"),
        gga("235236"),
    )
    assert len(fixes) == 2
    f = fixes[0]
    assert f.valid and f.point.time == ts("2005-09-25T23:52:34")
    assert (f.point.fix, f.point.sats, f.point.hdop, f.point.ele) == (1, 8, 0.8, 545.4)
    assert (f.fix_type, f.pdop, f.vdop, f.geoid_separation) == (3, 1.5, 1.3, 46.9)
    assert f.speed == pytest.approx(22.4 * KNOT) and f.course == 84.4
    assert f.accuracy_m == pytest.approx(4.0)
    assert a.counts.ok == 5 and a.counts.unsupported == 2
    assert (a.valid_fixes, a.invalid_fixes) == (2, 0)


def test_gga_first_epoch_order_trimble_with_zda():
    fixes, _ = assemble(
        s("GNGGA,235647.00,3403.47162394,N,11711.80927093,W,5,10,1.2,403.600,M,-32.133,M,1.0,0000"),
        s("GNGSA,A,3,26,9,3,16,7,23,,,,,,,2.9,1.2,2.6"),
        s("GNGSA,A,3,73,74,72,71,,,,,,,,,2.9,1.2,2.6"),
        s("GNVTG,248.04,T,236.01,M,0.00,N,0.01,K,D"),
        s("GNZDA,235647.05,20,12,2017,00,00"),
        s("GNGGA,235648.00,3403.47162869,N,11711.80928436,W,5,10,1.2,403.633,M,-32.133,M,1.0,0000"),
    )
    assert len(fixes) == 2
    assert fixes[0].point.fix == 5 and fixes[0].point.time == ts("2017-12-20T23:56:47")
    assert fixes[0].speed == pytest.approx(0.01 / 3.6) and fixes[0].mode == "D"
    assert fixes[1].point.time == ts("2017-12-20T23:56:48")


def test_rmc_only_receiver_gets_quality_from_the_mode():
    fixes, _ = assemble(
        s("GPRMC,120000,A,3043.5120,N,07008.2580,E,0.0,,010524,,,D"),
        s("GPRMC,120001,A,3043.5120,N,07008.2580,E,0.0,,010524,,,A"),
        s("GPRMC,120002,A,3043.5120,N,07008.2580,E,0.0,,010524"),
    )
    assert [f.point.fix for f in fixes] == [2, 1, 1]
    assert all(f.valid for f in fixes) and all(f.point.sats == -1 and math.isnan(f.point.hdop) for f in fixes)


@pytest.mark.parametrize(
    "lines",
    [
        [gga("120000", q=0)],
        [rmc("120000", status="V"), gga("120000")],
        [gga("120000"), rmc("120000", status="V")],
        [s("GPRMC,120000,A,3043.5120,N,07008.2580,E,0.0,,010524,,,N")],
        [gga("120000"), s("GPGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99")],
        ["$GNRMC,,V,,,,,,,,,,N,V*37", "$GNGGA,,,,,,0,00,99.99,,,,,,*56"],
        [s("GPGGA,120000,,,,,1,04,2.0,,,,,,")],  # quality but no position
    ],
)
def test_not_valid_fixes(lines):
    fixes, a = assemble(*lines)
    assert len(fixes) == 1 and not fixes[0].valid
    assert a.invalid_fixes == 1


def test_no_date_means_no_time_unless_a_default_date_is_given():
    fixes, _ = assemble(gga("120000"), gga("120001"))
    assert all(math.isnan(f.point.time) for f in fixes) and fixes[1].time_of_day == 43201
    fixes, _ = assemble(gga("120000"), gga("120001"), default_date=date(2024, 5, 1))
    assert [f.point.time for f in fixes] == [ts("2024-05-01T12:00:00"), ts("2024-05-01T12:00:01")]


def test_midnight_rollover_without_dates():
    fixes, _ = assemble(gga("235958"), gga("235959"), gga("000000"), gga("000001"), default_date=date(2024, 2, 28))
    assert [f.point.time for f in fixes] == [
        ts("2024-02-28T23:59:58"),
        ts("2024-02-28T23:59:59"),
        ts("2024-02-29T00:00:00"),
        ts("2024-02-29T00:00:01"),
    ]


def test_midnight_rollover_after_the_last_rmc_date():
    # RMC every few epochs only (some loggers): GGA epochs after midnight must move to the next day.
    fixes, _ = assemble(
        rmc("235959", "311224"), gga("235959"), gga("000000"), gga("000001"), rmc("000002", "010125"), gga("000002")
    )
    assert [f.point.time for f in fixes] == [
        ts("2024-12-31T23:59:59"),
        ts("2025-01-01T00:00:00"),
        ts("2025-01-01T00:00:01"),
        ts("2025-01-01T00:00:02"),
    ]


def test_rmc_date_overrides_the_default_date():
    fixes, _ = assemble(gga("120000"), rmc("120001", "150624"), gga("120001"), default_date=date(2000, 1, 1))
    assert fixes[0].point.time == ts("2000-01-01T12:00:00")
    assert fixes[1].point.time == ts("2024-06-15T12:00:01")


def test_duplicate_talkers_in_one_epoch_make_one_fix():
    fixes, _ = assemble(gga("120000"), gga("120000").replace("GPGGA", "GNGGA")[:-2] + "00", gga("120001"))
    assert len(fixes) == 2


def test_feed_line_counts_garbage_and_reads_sentences_after_it():
    a = FixAssembler()
    a.feed_line("\xb5b\x01\x07\x00junk" + gga("120000") + rmc("120000"))
    a.feed_line("************ program startup ************")
    a.feed_line(gga("120001")[:-2] + "ZZ")
    a.feed_line("")
    assert (a.counts.garbage, a.counts.ok, a.counts.bad_checksum) == (2, 2, 1)
    assert a.finish().valid


# -- looks_like_nmea ------------------------------------------------------------------------------------


def test_looks_like_nmea_by_content():
    assert looks_like_nmea(b"\r\n".join(x.encode() for x in [gga("120000"), rmc("120000"), gga("120001")]))
    assert looks_like_nmea(b"*** program startup ***\n" + gga("120000").encode() + b"\n" + gga("120001").encode())
    assert not looks_like_nmea(b"")
    assert not looks_like_nmea(b"\n\n  \n")
    assert not looks_like_nmea(b'<?xml version="1.0"?>\n<gpx version="1.1"><trk></trk></gpx>\n')
    assert not looks_like_nmea(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    assert not looks_like_nmea(b"lat,lon\n30.1,70.2\n$GPGGA is a sentence name\n")
    assert not looks_like_nmea(b"a\nb\nc\n" + gga("120000").encode() + b"\n")  # a minority of lines


@pytest.mark.skipif(not NMEA_LOGS, reason="shared corpus not found")
def test_looks_like_nmea_on_the_corpus():
    for path in NMEA_LOGS:
        assert looks_like_nmea(path.read_bytes()[:4096]), path.name
    for path in sorted((CORPUS / "gpx").rglob("*.gpx")) + sorted((CORPUS / "jpeg").rglob("*.jp*g")):
        assert not looks_like_nmea(path.read_bytes()[:4096]), path.name


# -- read_nmea ------------------------------------------------------------------------------------------


def walk(start: str, n: int, step_s: int = 1, d: str = "010524") -> list[str]:
    """RMC+GGA epochs every ``step_s`` seconds from ``start`` (hhmmss), creeping north."""
    h, m, sec = int(start[:2]), int(start[2:4]), int(start[4:])
    t0 = h * 3600 + m * 60 + sec
    lines = []
    for i in range(n):
        t = (t0 + i * step_s) % 86400
        hhmmss = f"{t // 3600:02d}{t % 3600 // 60:02d}{t % 60:02d}"
        lat = f"3043.{5120 + i:04d},N"
        lines += [rmc(hhmmss, d, lat=lat, lon="07008.2580,E"), gga(hhmmss, lat=lat, lon="07008.2580,E")]
    return lines


def test_read_nmea_one_track_with_gap_segments(tmp_path):
    path = tmp_path / "site-7 walk.nmea"
    lines = walk("100000", 10) + walk("100200", 5) + walk("100300", 3, step_s=30)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="ascii")
    sink = Collector()
    seen = []
    report = read_nmea(path, sink, progress=seen.append)
    assert [t.name for t in sink.tracks] == ["site-7 walk"] and sink.tracks[0].kind == "track"
    # 10 s of fixes, 2 minutes without: new segment; then 30 s steps are not > 60 s: same segment
    assert [len(seg) for seg in sink.tracks[0].segments] == [10, 8]
    assert (report.fixes, report.segments, report.invalid_fixes) == (18, 2, 0)
    assert report.start == ts("2024-05-01T10:00:00") and report.end == ts("2024-05-01T10:04:00")
    assert report.sentences.ok == 36 and seen and seen[-1] == path.stat().st_size
    first = sink.tracks[0].segments[0].point(0)
    assert first.lat == pytest.approx(30 + 43.512 / 60) and first.ele == pytest.approx(545.4)


def test_read_nmea_gap_s_and_time_going_back(tmp_path):
    lines = walk("100000", 5) + walk("100000", 5)  # the logger restarted and replayed a time
    sink = Collector()
    report = read_nmea(log(*lines), sink, gap_s=1.5)
    assert report.segments == 2 and [len(x) for x in sink.tracks[0].segments] == [5, 5]
    sink = Collector()
    assert read_nmea(log(*walk("100000", 5, step_s=2)), sink, gap_s=1.5).segments == 5


def test_read_nmea_keeps_invalid_fixes_out(tmp_path):
    lines = [
        "$GNRMC,,V,,,,,,,,,,N,V*37",
        "$GNGGA,,,,,,0,00,99.99,,,,,,*56",
        *walk("100000", 3),
        gga("100003", q=0),
        *walk("100004", 2),
    ]
    sink = Collector()
    report = read_nmea(log(*lines), sink)
    assert report.fixes == 5 and report.invalid_fixes == 2 and report.segments == 1


def test_read_nmea_undated_log_uses_time_of_day_for_gaps_and_default_date():
    lines = [gga("235950"), gga("235959"), gga("000005"), gga("000300")]
    sink = Collector()
    report = read_nmea(log(*lines), sink)
    assert report.segments == 2 and math.isnan(report.start)
    assert math.isnan(sink.tracks[0].segments[0].point(0).time)
    sink = Collector()
    report = read_nmea(log(*lines), sink, default_date=date(2024, 1, 31))
    assert report.start == ts("2024-01-31T23:59:50") and report.end == ts("2024-02-01T00:03:00")
    assert report.segments == 2


def test_read_nmea_without_fixes_stores_nothing():
    class Recorder(Collector):
        calls = 0

        def begin_track(self, *args):
            Recorder.calls += 1

    with pytest.raises(NmeaError, match="no position fixes"):
        read_nmea(log("$GNRMC,,V,,,,,,,,,,N,V*37", "$GNGGA,,,,,,0,00,99.99,,,,,,*56"), Recorder())
    with pytest.raises(NmeaError, match="no position fixes"):
        read_nmea(log(s("PAIR001,004,0"), s("GPGSV,1,1,00")), Recorder())
    assert Recorder.calls == 0


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b'<?xml version="1.0"?><gpx version="1.1"></gpx>',
        b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200_000),
        bytes(range(256)) * 1000,
    ],
)
def test_read_nmea_refuses_what_is_not_nmea(data):
    with pytest.raises(NmeaError, match="not an NMEA log"):
        read_nmea(io.BytesIO(data), Collector())


def test_read_nmea_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(nmea, "MAX_BYTES", 1000)
    path = tmp_path / "big.nmea"
    path.write_text("\n".join(walk("100000", 50)), encoding="ascii")
    with pytest.raises(NmeaError, match="larger than"):
        read_nmea(path, Collector())
    with pytest.raises(NmeaError, match="larger than"):  # a stream: stops while reading
        read_nmea(io.BytesIO(path.read_bytes()), Collector())


def test_read_nmea_cancel():
    data = ("\n".join(walk("100000", 3000)) + "\n").encode()
    with pytest.raises(Cancelled):
        read_nmea(io.BytesIO(data), Collector(), cancelled=lambda: True)


def test_read_nmea_line_endings_nuls_and_binary_between_sentences():
    lines = walk("100000", 4)
    data = (
        b"\r".join(x.encode() for x in lines[:4])  # old Mac line ends
        + b"\r"
        + bytes(range(1, 256)) * 40  # 10 kB of binary without a newline
        + lines[4].encode()
        + b"\n\x00\x00"
        + lines[5].encode()
        + b"\x00\n"
        + b"\n".join(x.encode() for x in lines[6:])
        + b"\x00" * 5000  # a logger that pre-allocated its file and lost power
    )
    report = read_nmea(io.BytesIO(data), Collector())
    assert report.fixes == 4 and report.sentences.ok == 8
    assert report.sentences.garbage >= 1


def test_read_nmea_stream_name():
    stream = log(*walk("100000", 2))
    stream.name = "/logs/2024-05-01.nmea"
    sink = Collector()
    read_nmea(stream, sink)
    assert sink.tracks[0].name == "2024-05-01"
    sink = Collector()
    read_nmea(log(*walk("100000", 2)), sink)
    assert sink.tracks[0].name is None


# -- the shared corpus -----------------------------------------------------------------------------------

# Valid fixes per corpus log (None: the log has no position fix and must be refused).
EXPECTED_FIXES = {
    "NmeaSampleData_garmin.nmea": 4469,
    "TrimbleR2SampleData.nmea": 34,
    "pygpsdata-BADHDR.log": 2,
    "pygpsdata-badeof.log": 1,
    "pygpsdata-mixed.log": 2,
    "pygpsdata-nmea2.log": 2,
    "pygpsdata-nmea4.log": 1,
    "pygpsdata-nmea4lc.log": 1,
    "pygpsdata-nmea4sm.log": 1,
    "pygpsdata-nmeabadck.log": 1,
    "pygpsdata-nmeabadck2.log": 1,
    "pygpsdata-nmeafoo1.log": 1,
    "pygpsdata-nmeafoo2.log": 1,
    "pygpsdata-um981.log": 2,
}


@pytest.mark.parametrize("path", NMEA_LOGS, ids=lambda p: p.name)
def test_every_corpus_log_reads_or_is_refused_clearly(path):
    sink = Collector()
    expected = EXPECTED_FIXES.get(path.name)
    if expected is None:
        with pytest.raises(NmeaError, match="no position fixes in the file"):
            read_nmea(path, sink)
        assert sink.tracks == []
        return
    report = read_nmea(path, sink)
    assert report.fixes == expected == sink.tracks[0].points
    assert report.segments == len(sink.tracks[0].segments)
    for segment in sink.tracks[0].segments:
        for p in segment.points():
            assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180 and p.fix != 0


@pytest.mark.skipif(not NMEA_LOGS, reason="shared corpus not found")
def test_corpus_garmin_log():
    sink = Collector()
    report = read_nmea(CORPUS / "nmea" / "NmeaParser" / "NmeaSampleData_garmin.nmea", sink)
    # Three runs: a one-minute pause in logging at 00:33:50 is not a gap at 60 s, the 13-minute one at
    # 00:35 is, and so is the program restart at 01:27. Midnight (RMC date 250905 → 260905) is not.
    assert [len(x) for x in sink.tracks[0].segments] == [1245, 1182, 2042]
    assert report.start == ts("2005-09-25T23:52:34") and report.end == ts("2005-09-26T02:56:32")
    assert report.sentences.garbage == 4  # the "program startup/ENDED" banners
    assert report.sentences.bad == 0
    # README scan: RMC, GGA, GSA 4469 each are decoded; GSV, RMB, GLL, BOD, RTE, PGRME, PGRMZ are not.
    assert report.sentences.ok == 3 * 4469 and report.sentences.unsupported == 13407 + 6 * 4469
    times = sink.tracks[0].segments[0].time
    assert all(b > a for a, b in itertools.pairwise(times))


@pytest.mark.skipif(not NMEA_LOGS, reason="shared corpus not found")
def test_corpus_trimble_rtk_log():
    sink = Collector()
    report = read_nmea(CORPUS / "nmea" / "NmeaParser" / "TrimbleR2SampleData.nmea", sink)
    seg = sink.tracks[0].segments[0]
    assert report.segments == 1 and set(seg.fix) == {2, 5} and seg.fix[0] == 5  # RTK float, then DGPS
    assert report.start == ts("2017-12-20T23:56:47")
    assert seg.lat[0] == pytest.approx(34 + 3.47162394 / 60) and seg.lon[0] == pytest.approx(-(117 + 11.80927093 / 60))


@pytest.mark.skipif(not NMEA_LOGS, reason="shared corpus not found")
@pytest.mark.parametrize(("name", "bad"), [("pygpsdata-nmeabadck.log", 2), ("pygpsdata-nmeabadck2.log", 1)])
def test_corpus_bad_checksums_match_the_readme_scan(name, bad):
    report = read_nmea(CORPUS / "nmea" / "pynmeagps" / name, Collector())
    # README (pynmea2 scan): nmeabadck ok=1 fail=2, nmeabadck2 ok=7 fail=1 (the failures are checksums).
    assert report.sentences.bad_checksum == bad and report.sentences.malformed == 0


@pytest.mark.skipif(not NMEA_LOGS, reason="shared corpus not found")
def test_corpus_mixed_ubx_and_nmea_stream():
    report = read_nmea(CORPUS / "nmea" / "pynmeagps" / "pygpsdata-mixed.log", Collector())
    assert report.fixes == 2 and report.sentences.garbage > 0
    assert math.isnan(report.start)  # GGA only, no date: times unknown


@pytest.mark.skipif(not NMEA_LOGS, reason="shared corpus not found")
def test_corpus_startup_log_has_no_fix():
    with pytest.raises(NmeaError, match="epochs without a fix: 1"):
        read_nmea(CORPUS / "nmea" / "pynmeagps" / "pygpsdata-nmeastartup.log", Collector())


# -- nothing raises ------------------------------------------------------------------------------------

fuzz = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELD = st.text(alphabet="0123456789.,-+NSEWAVTMKDXe *$!", max_size=14)


@fuzz
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(line):
    inspect_sentence(line)
    parse_sentence(line)
    split_sentences(line)
    FixAssembler().feed_line(line)
    looks_like_nmea(line.encode("utf-8", "surrogatepass"))


@fuzz
@given(
    st.sampled_from(["GPGGA", "GNRMC", "GLGSA", "GAVTG", "GBZDA", "BDGGA", "QZRMC"]),
    st.lists(FIELD, max_size=20),
    st.booleans(),
)
def test_sentences_with_right_checksums_and_random_fields_never_raise(address, fields, lower):
    body = ",".join([address, *fields])
    line = f"${body}*{checksum(body):02{'x' if lower else 'X'}}"
    verdict, _ = inspect_sentence(line)
    assert verdict in set(Verdict)
    a = FixAssembler(date(2024, 1, 1))
    a.feed_line(line)
    a.feed_line(line)
    a.finish()


@fuzz
@given(st.lists(st.sampled_from([*walk("235958", 3), "$GNGGA,,,,,,0,00,99.99,,,,,,*56", "junk", ""]), max_size=30))
def test_any_sequence_of_sentences_assembles(lines):
    fixes, a = assemble(*lines)
    assert a.valid_fixes + a.invalid_fixes == len(fixes)


@fuzz
@given(st.binary(max_size=3000))
def test_read_nmea_on_arbitrary_bytes_succeeds_or_raises_nmea_error(data):
    try:
        read_nmea(io.BytesIO(data), Collector())
    except NmeaError:
        pass
