from infointerview.lib.placeholders import names_in, render


def test_it_fills_known_placeholders_only():
    text = "Dear {{ their_name }}, {{user.password}} {{ secret }}"
    assert render(text, {"their_name": "Dana"}) == "Dear Dana, {{user.password}} {{ secret }}"


def test_it_finds_placeholder_names_with_or_without_spaces():
    assert names_in("{{a_b}} and {{  call_day }}") == {"a_b", "call_day"}


def test_values_are_inserted_as_plain_text_never_reparsed():
    assert render("{{ x }}", {"x": "{{ y }}", "y": "leak"}) == "{{ y }}"


def test_a_line_left_empty_by_missing_details_is_dropped():
    text = "Yours,\n{{ name }}\n{{ phone }} · {{ email }}\n"
    assert render(text, {"name": "Alice", "phone": "", "email": ""}) == "Yours,\nAlice\n"


def test_blank_lines_between_paragraphs_stay():
    assert render("A\n\nB {{ x }}", {"x": "1"}) == "A\n\nB 1"


def test_a_placeholder_broken_over_two_lines_is_not_counted_as_one():
    text = "Dear {{\nmy_name }}"
    assert names_in(text) == set()
    assert render(text, {"my_name": "Alice"}) == text
