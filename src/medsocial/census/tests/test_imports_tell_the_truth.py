"""The census imports say what is wrong with a file: an unclosed quote at its line, a bad row
on its own, the encoding found rather than assumed, the missing columns by name, and an exit
status that fails when nothing was written."""

import datetime

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from medsocial.census.errors import CensusError
from medsocial.census.models import Hospital, Observation
from medsocial.census.services import import_hospital_websites, import_hospitals, import_observations
from medsocial.core.csv_import import CsvFileError

from .factories import make_account, make_hospital

pytestmark = pytest.mark.django_db
HEADER = "Facility ID,Facility Name,Address,City/Town,State,ZIP Code,County/Parish,Telephone Number,Hospital Type,Hospital Ownership,Emergency Services,Hospital overall rating\n"


def row(facility_id: str, name: str) -> str:
    return f"{facility_id},{name},1 MAIN ST,DOTHAN,AL,36301,HOUSTON,(334) 793-8701,Acute Care Hospitals,Proprietary,Yes,4\n"


def cms_file(tmp_path, *rows: str, encoding: str = "utf-8", name: str = "cms.csv"):
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(rows)).encode(encoding))
    return path


def test_an_unclosed_quote_names_its_line_and_the_rows_read_and_imports_nothing(tmp_path):
    path = cms_file(
        tmp_path,
        row("010001", "FIRST HOSPITAL"),
        row("010002", "SECOND HOSPITAL"),
        row("010003", '"THIRD HOSPITAL'),  # the quote is never closed: it would swallow the rest
        row("010004", "FOURTH HOSPITAL"),
        row("010005", "FIFTH HOSPITAL"),
    )
    with pytest.raises(CsvFileError) as caught:
        import_hospitals(path)
    assert (
        "Line 4: a quote opened on this line is not closed before the end of the file" in caught.value.message
    )
    assert "2 rows were read before it" in caught.value.message
    assert Hospital.objects.count() == 0
    with pytest.raises(CommandError, match="Line 4: a quote"):
        call_command("import-hospitals", str(path))


@pytest.mark.parametrize(
    ("bad_name", "reason"),
    [
        ("A" * 201, "Facility Name is longer than 200 characters"),
        ("NUL\x00HOSPITAL", "Facility Name holds a NUL character"),
        ("H" * 300_000, "longer than"),
    ],
    ids=["name over 200 characters", "NUL", "field over the csv module's limit"],
)
def test_a_bad_field_refuses_its_row_and_the_rest_is_imported(tmp_path, bad_name, reason):
    path = cms_file(
        tmp_path, row("010001", "FIRST HOSPITAL"), row("010002", bad_name), row("010003", "THIRD HOSPITAL")
    )
    report = import_hospitals(path)
    assert [line for line, _ in report.errors] == [3]
    assert reason in report.errors[0][1]
    assert sorted(Hospital.objects.values_list("facility_id", flat=True)) == ["010001", "010003"]


def test_strict_writes_nothing_and_exits_non_zero(tmp_path, capsys):
    path = cms_file(tmp_path, row("010001", "FIRST HOSPITAL"), row("010002", "A" * 201))
    with pytest.raises(CommandError, match="Nothing was written: 1 rows were refused and --strict"):
        call_command("import-hospitals", str(path), "--strict")
    assert Hospital.objects.count() == 0
    assert "line 3: Facility Name is longer than 200 characters" in capsys.readouterr().err


def test_a_file_whose_every_row_is_refused_exits_non_zero(tmp_path):
    path = cms_file(tmp_path, row("010002", "A" * 201))
    with pytest.raises(CommandError, match="all 1 rows were refused"):
        call_command("import-hospitals", str(path))


def test_a_partly_bad_file_still_exits_zero_without_strict(tmp_path, capsys):
    path = cms_file(tmp_path, row("010001", "FIRST HOSPITAL"), row("010002", "A" * 201))
    call_command("import-hospitals", str(path))
    assert "1 created" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1252"])
def test_the_encoding_is_detected(tmp_path, encoding):
    path = cms_file(
        tmp_path,
        row("010001", "HÔPITAL SAINT-JOSÉ"),
        row("010002", "NUESTRA SEÑORA DEL PILAR"),
        row("010003", "ST. MARY’S MEDICAL CENTER"),
        encoding=encoding,
    )
    report = import_hospitals(path)
    assert report.errors == []
    assert sorted(Hospital.objects.values_list("name", flat=True)) == [
        "HÔPITAL SAINT-JOSÉ",
        "NUESTRA SEÑORA DEL PILAR",
        "ST. MARY’S MEDICAL CENTER",
    ]


def test_a_file_mixing_utf8_and_windows_1252_lines_reads_both(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        HEADER.encode()
        + row("010001", "HÔPITAL SAINT-JOSÉ").encode("utf-8")
        + row("010002", "NUESTRA SEÑORA DEL PILAR").encode("cp1252")
    )
    assert import_hospitals(path).errors == []
    assert sorted(Hospital.objects.values_list("name", flat=True)) == [
        "HÔPITAL SAINT-JOSÉ",
        "NUESTRA SEÑORA DEL PILAR",
    ]


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "cms.csv"
    path.write_text("Facility ID,Facility Name,City/Town\n010001,FIRST HOSPITAL,DOTHAN\n")
    with pytest.raises(CensusError, match="missing columns State, ZIP Code of the CMS Hospital"):
        import_hospitals(path)
    hifld = tmp_path / "hifld.csv"
    hifld.write_text("NAME,ZIP\nFIRST HOSPITAL,36301\n")
    with pytest.raises(CsvFileError, match="missing columns WEBSITE, BEDS, STATUS"):
        import_hospital_websites(hifld)
    observations = tmp_path / "obs.csv"
    observations.write_text("network,date,followers\nfacebook,2024-01-31,10\n")
    with pytest.raises(CsvFileError, match="missing columns account"):
        import_observations(observations)


def test_observation_import_refuses_a_nul_row_and_keeps_the_others(tmp_path):
    make_account(make_hospital(), "facebook", "keeper")
    path = tmp_path / "obs.csv"
    path.write_bytes(
        b"network,account,date,followers\n"
        b"facebook,keeper,2024-01-31,10\n"
        b"facebook,kee\x00per,2024-02-29,11\n"
        b"facebook,keeper,2024-03-31,12\n"
    )
    report = import_observations(path)
    assert report.errors == [(3, "account holds a NUL character")]
    assert Observation.objects.count() == 2


def test_observation_import_refuses_a_date_outside_1900_to_2200_on_its_row(tmp_path):
    make_account(make_hospital(), "facebook", "keeper")
    path = tmp_path / "obs.csv"
    path.write_text(
        "network,account,date,followers\n"
        "facebook,keeper,0001-01-01,10\n"
        "facebook,keeper,2024-02-29,11\n"
        "facebook,keeper,9999-12-31,12\n"
    )
    report = import_observations(path)
    assert report.errors == [
        (2, "date '0001-01-01': Enter a date between 1900 and 2200."),
        (4, "date '9999-12-31': Enter a date between 1900 and 2200."),
    ]
    assert list(Observation.objects.values_list("observed_on", flat=True)) == [datetime.date(2024, 2, 29)]


def test_the_real_cms_file_in_utf16_imports(tmp_path):
    lines = (settings.HOSPITAL_DATA_DIR / "cms_hospital_general_information.csv").read_text().splitlines(True)
    path = tmp_path / "utf16.csv"
    path.write_bytes("".join(lines[:21]).encode("utf-16"))
    report = import_hospitals(path)
    assert (report.created, report.errors) == (20, [])


def test_a_bad_row_in_the_websites_file_is_reported_on_its_own_line(tmp_path):
    hospital = make_hospital(name="FIRST HOSPITAL", zip_code="36301")
    hifld = tmp_path / "hifld.csv"
    hifld.write_bytes(
        b"NAME,ZIP,WEBSITE,BEDS,STATUS\n"
        b"SECOND HOSPITAL\x00,36302,https://second.example,10,OPEN\n"
        b"FIRST HOSPITAL,36301,https://first.example,120,OPEN\n"
    )
    report = import_hospital_websites(hifld)
    assert [line for line, _message in report.errors] == [2]
    assert "beds" not in report.errors[0][1]
    hospital.refresh_from_db()
    assert hospital.beds == 120
