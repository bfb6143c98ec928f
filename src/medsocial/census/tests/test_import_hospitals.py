import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from medsocial.census.models import Hospital
from medsocial.census.services import import_hospital_websites, import_hospitals

pytestmark = pytest.mark.django_db
DATA = Path(settings.HOSPITAL_DATA_DIR)
CURRENT = DATA / "cms_hospital_general_information.csv"
OLD = DATA / "cms_hospital_general_information_2016_schema.csv"
HIFLD = DATA / "hifld_hospitals.csv"


def slice_of(path: Path, rows: int, tmp_path: Path, *, encoding="utf-8") -> Path:
    """The header and the first `rows` rows of a real file."""
    lines = path.read_bytes().decode(encoding, errors="replace").splitlines(keepends=True)
    target = tmp_path / path.name
    target.write_text("".join(lines[: rows + 1]), encoding="utf-8")
    return target


def test_current_schema_slice_imports_with_normalized_fields(tmp_path):
    report = import_hospitals(slice_of(CURRENT, 40, tmp_path))
    assert (report.created, report.updated, report.errors) == (40, 0, [])
    hospital = Hospital.objects.get(facility_id="010001")
    assert hospital.name == "SOUTHEAST HEALTH MEDICAL CENTER"
    assert (hospital.city, hospital.state, hospital.zip_code, hospital.county) == (
        "DOTHAN",
        "AL",
        "36301",
        "HOUSTON",
    )
    assert hospital.phone == "(334) 793-8701"
    assert (hospital.hospital_type, hospital.emergency_services, hospital.overall_rating) == (
        "Acute Care Hospitals",
        True,
        4,
    )


def test_2016_schema_is_detected_and_its_bare_digit_phone_formatted(tmp_path):
    report = import_hospitals(slice_of(OLD, 40, tmp_path, encoding="cp1252"))
    assert (report.created, report.errors) == (40, [])
    hospital = Hospital.objects.get(facility_id="010001")
    assert hospital.name == "SOUTHEAST ALABAMA MEDICAL CENTER"
    assert hospital.phone == "(334) 793-8701"
    assert hospital.overall_rating == 3


def test_rerun_changes_nothing_and_a_changed_row_updates(tmp_path):
    path = slice_of(CURRENT, 30, tmp_path)
    import_hospitals(path)
    stamps = dict(Hospital.objects.values_list("facility_id", "updated_at"))
    again = import_hospitals(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 30)
    assert dict(Hospital.objects.values_list("facility_id", "updated_at")) == stamps
    text = path.read_text().replace("SOUTHEAST HEALTH MEDICAL CENTER", "SOUTHEAST HEALTH")
    path.write_text(text)
    changed = import_hospitals(path)
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 29)
    assert Hospital.objects.get(facility_id="010001").name == "SOUTHEAST HEALTH"


def _with_broken_rows(tmp_path) -> tuple[Path, list[int]]:
    lines = slice_of(CURRENT, 20, tmp_path).read_text().splitlines(keepends=True)
    rows = list(csv.reader(io.StringIO("".join(lines))))
    breaks = {3: (0, "ABC"), 6: (4, "ZZ"), 9: (5, "12"), 12: (1, ""), 15: (12, "9")}  # line → (column, value)
    for line, (column, value) in breaks.items():
        rows[line - 1][column] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / "broken.csv"
    path.write_text(out.getvalue())
    return path, sorted(breaks)


def test_a_file_with_five_broken_rows_reports_exactly_those_lines_and_imports_the_rest(tmp_path):
    path, broken = _with_broken_rows(tmp_path)
    report = import_hospitals(path)
    assert [line for line, _ in report.errors] == broken
    reasons = dict(report.errors)
    assert "not a CMS certification number" in reasons[3]
    assert "not a US state code" in reasons[6]
    assert "ZIP code" in reasons[9]
    assert "name is empty" in reasons[12]
    assert "between 1 and 5" in reasons[15]
    assert Hospital.objects.count() == 15


def test_strict_import_writes_nothing_when_a_row_is_bad(tmp_path):
    path, broken = _with_broken_rows(tmp_path)
    report = import_hospitals(path, strict=True)
    assert len(report.errors) == len(broken) and not report.committed
    assert Hospital.objects.count() == 0


def test_command_prints_bad_lines_and_summary(tmp_path, capsys):
    path, _ = _with_broken_rows(tmp_path)
    call_command("import-hospitals", str(path))
    captured = capsys.readouterr()
    assert "line 3: facility ID 'ABC'" in captured.err
    assert "15 created, 0 updated, 0 unchanged, 5 rejected" in captured.out


def test_hifld_websites_match_by_name_and_zip(tmp_path):
    import_hospitals(slice_of(CURRENT, 60, tmp_path))
    hifld = tmp_path / "hifld.csv"
    header = HIFLD.read_text(encoding="utf-8-sig").splitlines()[0]
    hifld.write_text(
        header
        + "\n"
        + "0,0,1,1,SOUTHEAST HEALTH MEDICAL CENTER,1108 ROSS CLARK CIRCLE,DOTHAN,AL,36301,NOT AVAILABLE,NOT AVAILABLE,GENERAL ACUTE CARE,OPEN,1,HOUSTON,01069,USA,0,0,622110,X,S,2019,I,2019,https://www.southeasthealth.org,NOT AVAILABLE,NOT AVAILABLE,01,NON-PROFIT,-999,420,LEVEL II,Y\n"
        + "0,0,2,2,NO SUCH HOSPITAL,1 MAIN ST,NOWHERE,AL,36999,NOT AVAILABLE,NOT AVAILABLE,GENERAL ACUTE CARE,OPEN,1,X,01069,USA,0,0,622110,X,S,2019,I,2019,http://nowhere.example,NOT AVAILABLE,NOT AVAILABLE,01,NON-PROFIT,-999,-999,NOT AVAILABLE,N\n"
    )
    report = import_hospital_websites(hifld)
    assert report.counts == {"matched": 1, "ambiguous": 0, "unmatched": 1}
    hospital = Hospital.objects.get(facility_id="010001")
    assert (hospital.website, hospital.beds, hospital.is_open) == (
        "https://www.southeasthealth.org",
        420,
        True,
    )
    assert import_hospital_websites(hifld).updated == 0


@pytest.mark.slow
def test_full_real_files_import_in_both_schemas_and_rerun_changes_nothing():
    first = import_hospitals(CURRENT)
    assert (first.created, len(first.errors)) == (5381, 0)
    assert import_hospitals(CURRENT).unchanged == 5381
    older = import_hospitals(OLD)
    assert older.errors == []
    assert older.created + older.updated + older.unchanged == 4807
    websites = import_hospital_websites(HIFLD)
    assert websites.counts["matched"] > 2000
    assert sum(websites.counts.values()) + len(websites.errors) == 7581
    assert Hospital.objects.exclude(website="").count() > 2000
