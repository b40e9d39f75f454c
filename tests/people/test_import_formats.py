"""Each kind of contacts file, as the programs people use write it, read into people."""

import zipfile
from pathlib import Path

import pytest

from infointerview.people.imports.contacts import opened
from infointerview.people.imports.formats import contacts_in, detected

FILES = Path(__file__).parent / "files"


def read(name: str, file_format: str | None = None, mapping: dict | None = None):
    with opened(FILES / name) as file:
        chosen = file_format or detected(file)
        return chosen, contacts_in(file, chosen, mapping or {})


def by_name(contacts):
    return {contact.name: contact for contact in contacts}


@pytest.mark.parametrize(
    "name, file_format",
    [
        ("Connections.csv", "linkedin"),
        ("outlook_2_1.vcf", "vcard"),
        ("apple_3_0.vcf", "vcard"),
        ("vcard_4_0.vcf", "vcard"),
        ("google_contacts_2019.csv", "google"),
        ("google_contacts_2024.csv", "google"),
        ("alumni_list.csv", "csv"),
    ],
)
def test_the_format_is_found_from_the_file(name, file_format):
    assert read(name)[0] == file_format


def test_linkedin_connections_after_the_notes_with_quotes_and_accents():
    _, contacts = read("Connections.csv")
    people = by_name(contacts)
    assert len(contacts) == 6
    dana = people["Dana Lee"]
    assert (dana.line, dana.emails, dana.organization) == (5, [], "Brightline Studio")
    assert dana.linkedin_url == "https://www.linkedin.com/in/dana-lee-4b1a27"
    assert dana.notes == ["LinkedIn connection since 14 Mar 2024"]
    assert people["Zoë Ångström"].emails == ["zoe.angstrom@example.se"]
    marcus = people["Marcus O'Brien"]
    assert (marcus.organization, marcus.job_title) == (
        "Hartley, Stone & Co.",
        'Designer, Packaging "Lead"',
    )


def test_a_cell_that_looks_like_a_formula_is_read_as_text():
    _, contacts = read("Connections.csv")
    odd = contacts[-1]
    assert odd.name == '=HYPERLINK("https://evil.example","Click me") Click'
    assert (odd.organization, odd.job_title) == ("@SUM(A1)", "+Print Buyer")


def test_outlook_vcard_2_1_quoted_printable_with_a_soft_line_break():
    _, contacts = read("outlook_2_1.vcf")
    jurgen, ngozi = contacts
    assert jurgen.name == "Jürgen Müller"
    assert jurgen.organization == "Fabrikam GmbH"
    assert jurgen.phones == ["+49 30 1234567", "+49 170 7654321"]
    assert jurgen.postal_address == "Hauptstraße 5\nBerlin\n10115\nGermany"
    assert jurgen.notes == ["Met at the Typo Berlin conference; knows the agency side well."]
    assert (ngozi.line, ngozi.name, ngozi.emails) == (15, "Ngozi Okafor", ["ngozi@example.ng"])


def test_apple_vcard_3_0_with_folded_lines_a_photo_and_a_grouped_address():
    _, contacts = read("apple_3_0.vcf")
    dana, hiroshi = contacts
    assert dana.linkedin_url == "https://www.linkedin.com/in/dana-lee-4b1a27"
    assert dana.notes == ["Friend from the portfolio review, very generous with her time."]
    assert hiroshi.job_title.endswith("that folds its lines like Apple does")
    assert hiroshi.postal_address == "1-2-3 Shibuya\nTokyo\n150-0002\nJapan"


def test_vcard_4_0_telephone_uri_and_a_country_linkedin_address():
    _, [amara] = read("vcard_4_0.vcf")
    assert amara.phones == ["+44-20-7946-0958"]
    assert amara.linkedin_url == "https://www.linkedin.com/in/amara-diallo"


def test_google_contacts_in_the_layout_before_2020():
    _, contacts = read("google_contacts_2019.csv")
    rosa = by_name(contacts)["Rosa Martínez"]
    assert rosa.emails == ["rosa@example.es", "rosa.martinez@example.com"]
    assert (rosa.organization, rosa.job_title) == ("Rótulos Martínez", "Owner")
    assert rosa.postal_address == "Calle Mayor 1\n28013 Madrid"
    assert rosa.linkedin_url == "https://www.linkedin.com/in/rosa-martinez"


def test_google_contacts_in_todays_layout():
    _, contacts = read("google_contacts_2024.csv")
    li = by_name(contacts)["Li Wei"]
    assert li.emails == ["li.wei@example.org", "liwei.home@example.net"]
    assert (li.organization, li.job_title, li.phones) == (
        "Harbor Museum",
        "Exhibit Designer",
        ["+1 555 0177"],
    )
    assert li.linkedin_url == "https://www.linkedin.com/in/li-wei-exhibits"


def test_an_alumni_list_in_windows_1252_with_the_usual_headings():
    _, contacts = read("alumni_list.csv")
    people = by_name(contacts)
    avery = people["Avery Johnson"]
    assert (avery.organization, avery.job_title) == ("Harbor Museum", "Junior Exhibit Designer")
    assert (avery.notes, avery.tags) == (["Class of 2019"], ["willing to talk"])
    assert people["Renée Fournier"].emails == ["renee.fournier@example.fr"]
    assert people["Chris Walker"].left_out == "the list says they are not willing to talk"


def test_a_mapping_names_the_columns_of_any_list(tmp_path):
    listing = tmp_path / "directory.csv"
    listing.write_text("Graduate,Mail,Works at\nKim Ode,kim@example.com,Harbor Museum\n")
    mapping = {"name": "Graduate", "email": "Mail", "employer": "Works at"}
    _, [kim] = read_path(listing, "csv", mapping)
    assert (kim.name, kim.emails, kim.organization) == (
        "Kim Ode",
        ["kim@example.com"],
        "Harbor Museum",
    )


def read_path(path: Path, file_format: str, mapping: dict):
    with opened(path) as file:
        return file_format, contacts_in(file, file_format, mapping)


def test_linkedins_zip_export_is_read_from_its_connections_file(tmp_path):
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(FILES / "Connections.csv", "Connections.csv")
        out.writestr("Profile.txt", "not contacts")
    with opened(archive) as file:
        assert detected(file) == "linkedin"
        assert len(contacts_in(file, "linkedin", {})) == 6


def test_outlook_vcard_2_1_in_windows_1252_quoted_printable(tmp_path):
    card = tmp_path / "Renée Fournier.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Fournier;Ren=E9e\r\n"
        b"FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Ren=E9e Fournier\r\n"
        b"ORG:Atelier Fournier\r\nEND:VCARD\r\n"
    )
    _, [renee] = read_path(card, "vcard", {})
    assert (renee.name, renee.organization) == ("Renée Fournier", "Atelier Fournier")
